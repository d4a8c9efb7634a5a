import { isAbsolute, posix, win32 } from 'node:path';

/**
 * What an `mspr.yaml` may not point at: anything outside the repository. Every path it declares
 * (`datasetsDir`, `databases.*`, `outputs.*`, the `run:` entries and their `cwd`) must be relative and stay
 * inside once normalised; in an argv entry, each argument that is an absolute path or climbs out with `..`
 * is refused. Returns one problem per offending key, named by its path in the file, e.g.
 * `mspr.yaml: outputs.metrics: "../../etc/passwd" leaves the repository`.
 */
export function manifestPathProblems(content: unknown, file: string): string[] {
  const manifest = (content ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const check = (key: string, value: unknown) => {
    if (typeof value !== 'string') return;
    const why = whyOutside(value);
    if (why) problems.push(`${file}: ${key}: "${value}" ${why}`);
  };
  check('datasetsDir', manifest.datasetsDir);
  for (const section of ['databases', 'outputs'] as const) {
    const entries = manifest[section];
    if (entries && typeof entries === 'object') for (const [name, value] of Object.entries(entries)) check(`${section}.${name}`, value);
  }
  if (Array.isArray(manifest.run)) manifest.run.forEach((entry, index) => checkRunEntry(`run[${index}]`, entry, check));
  return problems;
}

/** A script path, an argv array, or an object with `run` (either) and `cwd`. */
function checkRunEntry(key: string, entry: unknown, check: (key: string, value: unknown) => void): void {
  if (typeof entry === 'string') return check(key, entry);
  if (Array.isArray(entry)) {
    entry.forEach((arg, index) => {
      // Options (`-m`, `--data=…`) and inline code are not paths; bare arguments are.
      if (typeof arg === 'string' && !arg.startsWith('-')) check(`${key}[${index}]`, arg);
    });
    return;
  }
  if (entry && typeof entry === 'object') {
    const { run, cwd } = entry as { run?: unknown; cwd?: unknown };
    check(`${key}.cwd`, cwd);
    if (run !== undefined) checkRunEntry(`${key}.run`, run, check);
  }
}

function whyOutside(value: string): string | undefined {
  if (isAbsolute(value) || win32.isAbsolute(value)) return 'is an absolute path: give a path relative to the repository root';
  const normalised = posix.normalize(value.replaceAll('\\', '/'));
  if (normalised === '..' || normalised.startsWith('../')) return 'leaves the repository: give a path inside it, relative to its root';
  return undefined;
}
