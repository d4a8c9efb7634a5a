import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

/**
 * Kernel pseudo file systems: nothing mspr-lab writes belongs there, and Node 20's
 * `mkdirSync(…, { recursive: true })` loops forever on `/proc/<missing>/…` (ENOENT on each retry).
 */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

/** Why a folder could not be made: the errno code (`ENOTDIR`, `EACCES`, `ENOSPC`…) or `PSEUDO_FS`. */
export class DirectoryError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Whether a path lies under /proc, /sys or /dev. */
export function underPseudoFileSystem(path: string): boolean {
  const absolute = resolve(path);
  return PSEUDO_ROOTS.some((root) => absolute === root || absolute.startsWith(`${root}${sep}`));
}

/**
 * `mkdir -p` that always ends: each missing component is made in turn, from the deepest existing one, and
 * the first failure is thrown as a {@link DirectoryError} (an existing file in the way is `ENOTDIR`).
 */
export function makeDirectory(path: string): void {
  const absolute = resolve(path);
  if (underPseudoFileSystem(absolute)) throw new DirectoryError(absolute, 'PSEUDO_FS');
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    const stat = statOrThrow(current);
    if (stat) {
      if (!stat.isDirectory()) throw new DirectoryError(current, 'ENOTDIR');
      break;
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      if (code !== 'EEXIST') throw new DirectoryError(dir, code);
    }
  }
}

function statOrThrow(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    // `/etc/passwd/reports`: a file is in the way; going up names it (`/etc/passwd is a file`).
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOTDIR') return undefined;
    throw new DirectoryError(path, code);
  }
}
