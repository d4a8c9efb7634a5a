import type { Localized } from '../i18n.js';
import { debianPackageFor } from './debian-mapping.js';
import type { DriverOutcome, DriverResult } from './installer.js';
import type { GatheredRequirements } from './gather-requirements.js';
import type { DeclaredRequirement, IgnoredDeclaration } from './requirement.js';
import { requirementLabel } from './requirement.js';
import { adviceFor, debianAdvice, setupAdvice, withAdvice } from './environment-advice.js';

/** Why a requirement could not be met. */
export type UnmetReason =
  /** No index and no wheel for it (offline), or the index has no wheel of a matching version for this platform. */
  | 'not-available'
  /** Only a source archive exists and wheels only are allowed (`--allow-sdist` to build it). */
  | 'build-needed'
  | 'build-failed'
  /** Its constraints cannot hold together with the others'. */
  | 'conflict'
  /** The index could not be reached. */
  | 'network'
  | 'timeout'
  /** The interpreter (or runtime image) has no pip: rebuild the image. */
  | 'no-pip'
  /** pip said it was installed, yet nothing imports under its name. */
  | 'not-importable'
  | 'pip-error'
  /** The install itself could not be done (see the record's `problem`). */
  | 'install-failed';

/** What became of one declared requirement. */
export interface RequirementOutcome {
  /** PEP 503 normalised name. */
  name: string;
  /** As the team wrote it. */
  displayName: string;
  specifier: string;
  /** `requirements.txt:3`. */
  declaredIn: string;
  /** `installed` in the venv; `preinstalled`: the image already satisfies it; `unmet`: the run goes on without it. */
  status: 'installed' | 'preinstalled' | 'unmet';
  /** The version the code gets (installed or preinstalled). */
  version?: string;
  /** The distribution that provides it under another name (Debian's `psycopg2` for `psycopg2-binary`). */
  providedBy?: string;
  /** Unmet: the version the image has instead (`pandas==2.1.3` declared, `1.5.3` used), or null when none. */
  imageVersion?: string | null;
  reason?: UnmetReason;
  /** pip's own words, when it gave some. */
  detail?: string;
  /** The Debian package that provides it, to bake into the image. */
  debianPackage?: string;
}

/**
 * The team's Python environment for one run, as the report keeps it: what was declared, what each
 * requirement became, and how long it took. An install problem is recorded here and never becomes the team's
 * failure; checks read this to tell "the code needs X, not installable here" from "the code is wrong".
 */
export interface EnvironmentRecord {
  /** `none`: nothing declared; `ready`: all met; `partial`: some unmet; `failed`: the install could not be done. */
  status: 'none' | 'ready' | 'partial' | 'failed';
  requirements: RequirementOutcome[];
  /** Declarations not given to pip (local paths, URLs, index options, excluded by a marker). */
  ignored: IgnoredDeclaration[];
  /** Dependency files read, relative to the repository. */
  files: string[];
  cacheKey?: string;
  /** True when the venv came from the cache: no pip ran in this run. */
  cached: boolean;
  /** Time this run spent on its environment (a cache hit: milliseconds). */
  durationMs: number;
  /** How long the install took when it was built (this run, or the one the cache holds). */
  installDurationMs?: number;
  /** pip processes started in this run. */
  pipCalls: number;
  python?: { version: string; platform: string };
  /** The venv's path as the sandbox sees it (its interpreter is the sandbox's `python`). */
  venv?: string;
  /** The index URL, credentials masked. */
  index?: string;
  wheelhouse?: string;
  allowSdist: boolean;
  /** Whether the install was given network access (only with an index URL). */
  network: boolean;
  /** The end of pip's output. */
  logTail: string;
  /** Why the install itself could not be done. */
  problem?: Localized;
  /** Debian packages the scenario's `sandbox.packages` asks for, and those the image (or host) lacks. */
  debianPackages?: { requested: string[]; missing: string[] };
  /** What to do about unmet requirements and missing Debian packages. */
  advice?: Localized;
}

export interface RecordContext {
  gathered: GatheredRequirements;
  result?: DriverResult;
  cached: boolean;
  startedAt: number;
  installDurationMs?: number;
  cacheKey?: string;
  venv?: string;
  index?: string;
  wheelhouse?: string;
  allowSdist: boolean;
  network: boolean;
  problem?: Localized;
  debianPackages?: { requested: string[]; missing: string[]; backend: 'local' | 'docker' };
}

/** Matches the driver's outcomes back to this team's declarations (a cached result may come from another team). */
export function buildEnvironmentRecord(context: RecordContext): EnvironmentRecord {
  const outcomes = context.result?.requirements ?? {};
  const ignored = [...context.gathered.ignored];
  const requirements: RequirementOutcome[] = [];
  for (const declared of context.gathered.requirements) {
    const outcome = outcomes[declared.name];
    if (outcome?.status === 'ignored') ignored.push({ text: requirementLabel(declared), declaredIn: declared.declaredIn, reason: 'marker' });
    else requirements.push(outcomeOf(declared, outcome));
  }
  const unmet = requirements.filter((r) => r.status === 'unmet');
  const status = context.gathered.requirements.length === 0 ? 'none' : context.problem ? 'failed' : unmet.length > 0 ? 'partial' : 'ready';
  return {
    status,
    requirements,
    ignored,
    files: context.gathered.files,
    ...(context.cacheKey ? { cacheKey: context.cacheKey } : {}),
    cached: context.cached,
    durationMs: Date.now() - context.startedAt,
    ...(context.installDurationMs !== undefined ? { installDurationMs: context.installDurationMs } : {}),
    pipCalls: context.cached ? 0 : (context.result?.calls.length ?? 0),
    ...(context.result?.python ? { python: { version: context.result.python.version, platform: context.result.python.platform } } : {}),
    ...(context.venv ? { venv: context.venv } : {}),
    ...(context.index ? { index: context.index } : {}),
    ...(context.wheelhouse ? { wheelhouse: context.wheelhouse } : {}),
    allowSdist: context.allowSdist,
    network: context.network,
    logTail: context.result?.logTail ?? '',
    ...(context.problem ? { problem: context.problem } : {}),
    ...(context.debianPackages ? { debianPackages: { requested: context.debianPackages.requested, missing: context.debianPackages.missing } } : {}),
    // Without a driver result nothing was tried: the setup failed, and an index would not help.
    ...withAdvice(context.problem && !context.result ? setupAdvice() : unmet.length > 0 ? adviceFor(unmet, Boolean(context.index)) : undefined, context.debianPackages && debianAdvice(context.debianPackages)),
  };
}

function outcomeOf(declared: DeclaredRequirement, outcome: DriverOutcome | undefined): RequirementOutcome {
  const base = { name: declared.name, displayName: declared.displayName, specifier: declared.specifier, declaredIn: declared.declaredIn };
  const debianPackage = debianPackageFor(declared.name);
  if (!outcome || outcome.status === 'unmet' || outcome.status === 'ignored') {
    return {
      ...base,
      status: 'unmet',
      imageVersion: outcome?.imageVersion ?? null,
      reason: (outcome?.reason as UnmetReason | undefined) ?? 'install-failed',
      ...(outcome?.detail ? { detail: outcome.detail } : {}),
      ...(debianPackage ? { debianPackage } : {}),
    };
  }
  return {
    ...base,
    status: outcome.status,
    ...(outcome.version ? { version: outcome.version } : {}),
    ...(outcome.via ? { providedBy: outcome.via } : {}),
  };
}
