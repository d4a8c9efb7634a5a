import type { Localized } from '../i18n.js';
import type { PipSource } from './pip-invocation.js';

/** One requirement as the install driver (python/install_requirements.py) receives it. */
export interface DriverRequirement {
  /** The requirement's normalised name: how outcomes are matched back to declarations. */
  id: string;
  /** The string given to pip. */
  pip: string;
  name: string;
  specifier: string;
  marker?: string;
  /** Modules it is imported as, to recognise it under another distribution name (psycopg2-binary → psycopg2). */
  imports: string[];
}

/** What the driver says about one requirement. */
export interface DriverOutcome {
  status: 'installed' | 'preinstalled' | 'unmet' | 'ignored';
  version?: string | null;
  /** The distribution that provides it when its own name is absent (Debian's psycopg2 for psycopg2-binary). */
  via?: string | null;
  imageVersion?: string | null;
  reason?: string;
  detail?: string;
}

/** The driver's result file. */
export interface DriverResult {
  python?: { version: string; platform: string; executable: string };
  pip?: string;
  calls: Array<{ argv: string[]; exitCode: number | null; durationMs: number }>;
  requirements: Record<string, DriverOutcome>;
  /** Set when the install could not be done at all (the venv could not be created, the driver crashed…). */
  error: string | null;
  logTail: string;
}

/** One install to run: the venv folder on the host, a scratch folder for the driver's files, what to install. */
export interface InstallJob {
  runId: string;
  venvHostDir: string;
  ioDir: string;
  requirements: DriverRequirement[];
  source: { indexUrl?: string; trustedHosts: string[]; wheelhouse?: string; allowSdist: boolean };
  timeoutSec: number;
}

/**
 * Runs the install driver where the team's code will run (the host's interpreter, or an install container
 * from the runtime image), so the venv is built against the same interpreter and at the path it is used at.
 */
export interface Installer {
  readonly kind: 'local' | 'docker';
  /** What identifies the interpreter and its system packages (enters the cache key). */
  identity(): Promise<Record<string, string>>;
  /** The venv's path as the sandbox (and the driver) sees it. */
  venvPath(hostDir: string): string;
  /** Never rejects for pip's failures: they are in the result. Rejects only when the driver could not start. */
  run(job: InstallJob): Promise<DriverResult>;
  /** Why the interpreter cannot host the team's venv (it lacks the data stack), if it cannot. */
  unusableBase?(): Promise<Localized | undefined>;
  /** Which of these Debian packages the interpreter's system lacks (a scenario's `sandbox.packages`). */
  missingDebianPackages(packages: string[]): Promise<string[]>;
}

/** The driver's spec file, with paths as the driver sees them. */
export function driverSpec(job: InstallJob, paths: { venv: string; io: string; wheelhouse?: string }, pipArgs: (source: PipSource) => string[]) {
  const source: PipSource = { ...job.source, wheelhouse: paths.wheelhouse };
  return {
    venv: paths.venv,
    pipArgs: pipArgs(source),
    index: Boolean(job.source.indexUrl),
    wheelhouse: paths.wheelhouse ?? null,
    allowSdist: job.source.allowSdist,
    requirements: job.requirements,
    log: `${paths.io}/pip.log`,
    result: `${paths.io}/result.json`,
    timeoutSec: job.timeoutSec,
  };
}

/** A result for a driver that wrote none (it crashed, or was killed). */
export function driverFailure(error: string, logTail = ''): DriverResult {
  return { calls: [], requirements: {}, error, logTail };
}
