import { execa } from 'execa';
import { packagePath } from '../paths.js';

/** Hang guard for a whole reading; each entry also has its own budget inside the reader (10 s, 400,000 steps). */
export const READER_TIMEOUT_MS = 60_000;
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Runs the reader package from the grader's own folder, with nothing of the team's on the module path. */
const LAUNCH = 'import sys; sys.path.insert(0, sys.argv[1]); from mspr_static.main import main; main()';

/** The reader's stdout, or why there is none (`static reader failed: …`). */
export type ReaderAnswer = { stdout: string; failure?: undefined } | { stdout?: undefined; failure: string };

/**
 * One call of the static reader (runner/tracer/python/mspr_static): the request on stdin, the answer on stdout.
 * It runs with `python -I -S -B` from the grader's folder (no site-packages, no `.pth`, no PYTHONPATH, no script
 * folder on the path: nothing of the team's is importable), parses with `ast` and executes nothing.
 */
export async function runStaticReader(python: string, request: unknown): Promise<ReaderAnswer> {
  const result = await execa(python, ['-I', '-S', '-B', '-c', LAUNCH, packagePath('runner/tracer/python')], {
    input: JSON.stringify(request),
    cwd: packagePath('runner/tracer/python'),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
    extendEnv: false,
    reject: false,
    timeout: READER_TIMEOUT_MS,
    maxBuffer: MAX_RESPONSE_BYTES,
    stripFinalNewline: false,
  });
  if (result.exitCode !== 0 || result.timedOut) {
    const why = result.timedOut ? `over ${READER_TIMEOUT_MS / 1000} s` : `${String(result.stderr ?? result.message ?? '').trim().split('\n').slice(-1)[0] ?? ''} (exit ${result.exitCode ?? result.signal})`;
    return { failure: `static reader failed: ${why}` };
  }
  return { stdout: String(result.stdout) };
}
