import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CheckDeadlines, DEFAULT_CHECK_DEADLINES } from '../checks/check-deadlines.js';
import { type ReadLimits, readLimitsFromEnv } from './safe-read/read-limits.js';

/**
 * The Python that runs candidates' code on the local backend. Debian's own interpreter is preferred: it is
 * the one that sees Debian's python3-pandas/sklearn packages, whereas the first `python3` on PATH may be a
 * pyenv or venv build without them. `--python` or `MSPR_PYTHON` override it.
 */
export function resolvePython(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.MSPR_PYTHON) return env.MSPR_PYTHON;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/** Where run folders go: `MSPR_WORK_DIR`, or a folder in the system's temporary directory. */
export function resolveWorkRoot(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.MSPR_WORK_DIR ?? join(tmpdir(), 'mspr-lab');
}

/**
 * Caches shared by every checkout and run on the machine (image build inputs, the teams' venvs):
 * `MSPR_CACHE_DIR`, else /var/cache/mspr-lab as root, else ~/.cache/mspr-lab.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MSPR_CACHE_DIR) return env.MSPR_CACHE_DIR;
  return process.getuid?.() === 0 ? '/var/cache/mspr-lab' : join(homedir(), '.cache', 'mspr-lab');
}

/** How much the grader reads of candidate files and how long it gives its checks (README, "Security"). */
export interface GraderLimits {
  read: ReadLimits;
  checks: CheckDeadlines;
}

/** `MSPR_MAX_{TEXT,DATA,DATABASE,TRACE}_MB`, `MSPR_CHECK_TIMEOUT_SEC` and `MSPR_CHECKS_TIMEOUT_SEC`; unset or unusable values keep their defaults. */
export function resolveGraderLimits(env: NodeJS.ProcessEnv = process.env): GraderLimits {
  const seconds = (name: string, fallbackMs: number) => {
    const value = Number(env[name]);
    return env[name] && Number.isFinite(value) && value > 0 ? Math.round(value * 1000) : fallbackMs;
  };
  return {
    read: readLimitsFromEnv(env),
    checks: {
      perCheckMs: seconds('MSPR_CHECK_TIMEOUT_SEC', DEFAULT_CHECK_DEADLINES.perCheckMs),
      phaseMs: seconds('MSPR_CHECKS_TIMEOUT_SEC', DEFAULT_CHECK_DEADLINES.phaseMs),
    },
  };
}
