import { posix } from 'node:path';

/**
 * The working-directory rule of the plan, in one place:
 * - a notebook runs from its own folder (what Jupyter does: `../data/x.csv` then means `data/x.csv`);
 * - a `cd x && …` command runs from `x`, and a `cd x` line of a README block moves the lines after it;
 * - anything else (scripts, modules, Makefile recipes) runs from the repository root.
 * Folders are workspace-relative with `/`, `.` for the root; one that leaves the repository is refused.
 */
export function joinCwd(cwd: string, target: string): string | undefined {
  if (posix.isAbsolute(target) || /^[A-Za-z]:/.test(target) || target.startsWith('~') || target.startsWith('$')) return undefined;
  const joined = posix.normalize(posix.join(cwd, target.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined.replace(/\/$/, '') || '.';
}

/** A path as the workspace sees it, from a path given relative to `cwd`; undefined when it leaves it. */
export function workspacePath(cwd: string, path: string): string | undefined {
  const joined = joinCwd(cwd, path);
  return joined === '.' ? undefined : joined;
}

/** The folder a notebook runs from. */
export function notebookCwd(notebook: string): string {
  return posix.dirname(notebook) || '.';
}

/** `notebooks/01.ipynb` as seen from `notebooks`: `01.ipynb`. */
export function relativeTo(cwd: string, path: string): string {
  return cwd === '.' ? path : posix.relative(cwd, path);
}
