import { mkdir } from 'node:fs/promises';
import { t } from '../i18n.js';
import { type ProgressListener, silentProgress } from '../progress.js';
import { contentKey } from './content-key.js';
import { importNamesFor, toDebianPackages } from './debian-mapping.js';
import { buildEnvironmentRecord, type EnvironmentRecord, type RecordContext } from './environment-record.js';
import { type EnvironmentSettings, redactUrl } from './environment-settings.js';
import { gatherRequirements, type RequirementSources } from './gather-requirements.js';
import type { DriverRequirement, DriverResult, Installer } from './installer.js';
import { pipRequirement } from './requirement.js';
import { type CachedInstall, VenvCache } from './venv-cache.js';
import { wheelhouseHash } from './wheelhouse-hash.js';

export interface EnvironmentContext {
  runId: string;
  installer: Installer;
  settings: EnvironmentSettings;
  /** A folder of the run for the driver's files (spec, pip log, result). */
  scratchDir: string;
  /** A scenario's `sandbox.packages`: Debian packages (or pip names mapped to theirs) the image must hold. */
  debianPackages?: string[];
  onProgress?: ProgressListener;
}

/** The stage's output: the record for the report, and the venv for the sandbox when there is one. */
export interface PreparedEnvironment {
  record: EnvironmentRecord;
  /** The venv folder on the host; the sandbox mounts it (docker) or runs its interpreter (local). */
  venv?: { hostDir: string };
}

/**
 * The team's Python environment, before any of its code runs: its declared requirements installed in a venv
 * on top of the image's Python, cached by content. Never throws for an install problem: whatever cannot be
 * installed is listed in the record and the run goes on with what the image has.
 */
export async function prepareEnvironment(sources: RequirementSources, context: EnvironmentContext): Promise<PreparedEnvironment> {
  const startedAt = Date.now();
  const { settings, installer } = context;
  const gathered = gatherRequirements(sources);
  const common: Omit<RecordContext, 'cached'> = {
    gathered,
    debianPackages: await checkDebianPackages(installer, context.debianPackages),
    startedAt,
    index: settings.indexUrl ? redactUrl(settings.indexUrl) : undefined,
    wheelhouse: settings.wheelhouse,
    allowSdist: settings.allowSdist,
    network: Boolean(settings.indexUrl),
  };
  if (gathered.requirements.length === 0) return { record: buildEnvironmentRecord({ ...common, cached: false, network: false }) };

  let key: string | undefined;
  try {
    const unusable = await installer.unusableBase?.();
    if (unusable) {
      // The run cannot be graded with this interpreter; the interpreter check before the steps says so (exit 2).
      return { record: buildEnvironmentRecord({ ...common, cached: false, problem: t(`Pas d’environnement pour l’équipe : ${unusable.fr}.`, `No environment for the team: ${unusable.en}.`) }) };
    }
    key = contentKey({
      interpreter: { backend: installer.kind, ...(await installer.identity()) },
      requirements: gathered.requirements,
      indexUrl: settings.indexUrl,
      trustedHosts: settings.trustedHosts,
      wheelhouse: settings.wheelhouse ? await wheelhouseHash(settings.wheelhouse) : undefined,
      allowSdist: settings.allowSdist,
    });
    const cache = new VenvCache(settings.cacheDir);
    let install = await cache.lookup(key);
    const cached = Boolean(install);
    let builtHere = false;
    if (!install) {
      (context.onProgress ?? silentProgress)({ type: 'phase', text: t(`Installation des dépendances déclarées (${gathered.requirements.length})`, `Installing the declared dependencies (${gathered.requirements.length})`) });
      ({ install, builtHere } = await build(cache, key, gathered.requirements.map(driverRequirement), context));
    }
    const { result } = install;
    const problem = result.error ? t(`L’installation des dépendances n’a pas pu se faire : ${result.error}`, `The dependencies could not be installed: ${result.error}`) : undefined;
    const hostDir = cache.venvDir(key);
    return {
      record: buildEnvironmentRecord({
        ...common,
        result,
        cached: cached || !builtHere,
        cacheKey: key,
        installDurationMs: install.installDurationMs,
        venv: problem ? undefined : installer.venvPath(hostDir),
        problem,
      }),
      venv: problem ? undefined : { hostDir },
    };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      record: buildEnvironmentRecord({
        ...common,
        cached: false,
        cacheKey: key,
        problem: t(`L’environnement Python n’a pas pu être préparé : ${why}`, `The Python environment could not be prepared: ${why}`),
      }),
    };
  }
}

/** Builds under the key's lock; another run may have finished the same install while this one waited. */
async function build(cache: VenvCache, key: string, requirements: DriverRequirement[], context: EnvironmentContext): Promise<{ install: CachedInstall; builtHere: boolean }> {
  const { settings, installer } = context;
  return cache.exclusive(key, (settings.timeoutSec + 120) * 1000, async () => {
    const ready = await cache.lookup(key);
    if (ready) return { install: ready, builtHere: false };
    const venvHostDir = await cache.freshVenvDir(key);
    await mkdir(context.scratchDir, { recursive: true });
    const began = Date.now();
    const result = await installer.run({
      runId: context.runId,
      venvHostDir,
      ioDir: context.scratchDir,
      requirements,
      source: { indexUrl: settings.indexUrl, trustedHosts: settings.trustedHosts, wheelhouse: settings.wheelhouse, allowSdist: settings.allowSdist },
      timeoutSec: settings.timeoutSec,
    });
    const install: CachedInstall = { key, createdAt: new Date().toISOString(), installDurationMs: Date.now() - began, result };
    // An index that did not answer says nothing about the next run: only settled results are kept.
    if (isSettled(result)) await cache.publish(install);
    return { install, builtHere: true };
  });
}

async function checkDebianPackages(installer: Installer, names: string[] | undefined): Promise<RecordContext['debianPackages']> {
  if (!names?.length) return undefined;
  const requested = toDebianPackages(names).packages;
  const missing = await installer.missingDebianPackages(requested).catch(() => requested);
  return { requested, missing, backend: installer.kind };
}

function isSettled(result: DriverResult): boolean {
  return !result.error && !Object.values(result.requirements).some((outcome) => outcome.reason === 'network' || outcome.reason === 'timeout');
}

function driverRequirement(requirement: Parameters<typeof pipRequirement>[0]): DriverRequirement {
  return {
    id: requirement.name,
    pip: pipRequirement(requirement),
    name: requirement.name,
    specifier: requirement.specifier,
    ...(requirement.marker ? { marker: requirement.marker } : {}),
    imports: importNamesFor(requirement.name),
  };
}
