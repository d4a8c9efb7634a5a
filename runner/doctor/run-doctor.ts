import { packageVersion } from '../paths.js';
import { resolvePython, resolveWorkRoot } from '../settings.js';
import type { DoctorReport } from './doctor-line.js';
import { probeDatabases } from './probe-databases.js';
import { probeDocker } from './probe-docker.js';
import { probeBrowser, probeLocale, probeWorkDir } from './probe-host.js';
import { probePython } from './probe-python.js';
import { probeRuntime } from './probe-runtime.js';

export interface DoctorOptions {
  /** Interpreter to check (default: the local sandbox's, `--python` / `MSPR_PYTHON` / /usr/bin/python3). */
  python?: string;
  /** Work root to check (default: `--work-dir` / `MSPR_WORK_DIR` / <tmp>/mspr-lab). */
  workDir?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Checks, without running any team's code, what grading needs on this machine. The probes run side by side;
 * each one turns its own failure into a line, so one missing thing never hides the others.
 */
export async function runDoctor(options: DoctorOptions = {}): Promise<DoctorReport> {
  const env = options.env ?? process.env;
  const [runtime, python, docker, browser] = await Promise.all([
    probeRuntime(),
    probePython(resolvePython(options.python, env)),
    probeDocker(),
    probeBrowser(env),
  ]);
  const databases = await probeDatabases(docker.images, env);
  const lines = [...runtime, ...python, probeWorkDir(resolveWorkRoot(options.workDir, env)), ...docker.lines, ...databases, browser, probeLocale(env)];
  return { version: packageVersion, ready: lines.every((found) => found.ok || !found.required), lines };
}
