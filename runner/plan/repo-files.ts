import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { decodeText } from '../evidence/decode-text.js';

/**
 * Read access to the repository for planning, before any of the candidate's code has run. The tree is the
 * audited copy (links leaving it were not copied), yet every read still refuses what is not a regular file
 * inside the tree and stops at a size cap: planning must never hang on a FIFO or read a 2 GB "README".
 */
export interface RepoFiles {
  readonly root: string;
  /** The text of a regular file (at most `maxBytes`, decoded whatever its encoding), or undefined. */
  text(path: string, maxBytes?: number): string | undefined;
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Regular files, relative with `/`, sorted; virtual environments, caches and hidden folders left out. */
  list(): readonly string[];
}

const DEFAULT_MAX_BYTES = 1024 * 1024;
/** A repository with more files than this is listed in part (its code is rarely past the first ones). */
const MAX_LISTED = 20_000;
const IGNORED_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'env', 'site-packages', 'dist-packages']);

export function repoFiles(root: string): RepoFiles {
  let listing: string[] | undefined;
  const inside = (path: string): string | undefined => {
    const absolute = join(root, path);
    const rel = relative(root, absolute);
    return rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel) ? undefined : absolute;
  };
  const regular = (path: string): string | undefined => {
    const absolute = inside(path);
    if (!absolute) return undefined;
    try {
      const info = lstatSync(absolute);
      if (info.isFile()) return absolute;
      if (!info.isSymbolicLink()) return undefined;
      const target = realpathSync(absolute);
      const rel = relative(realpathSync(root), target);
      if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
      return lstatSync(target).isFile() ? target : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    root,
    text(path, maxBytes = DEFAULT_MAX_BYTES) {
      const absolute = regular(path);
      return absolute === undefined ? undefined : readCapped(absolute, maxBytes);
    },
    isFile: (path) => regular(path) !== undefined,
    isDirectory(path) {
      const absolute = inside(path);
      try {
        return absolute !== undefined && lstatSync(absolute).isDirectory();
      } catch {
        return false;
      }
    },
    list: () => (listing ??= walk(root)),
  };
}

function readCapped(path: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(Math.min(maxBytes, fstatSync(fd).size));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return decodeText(buffer.subarray(0, read)).text;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function walk(root: string): string[] {
  const found: string[] = [];
  const pending = [''];
  while (pending.length > 0 && found.length < MAX_LISTED) {
    const dir = pending.shift()!;
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = dir ? posix.join(dir, entry.name) : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !IGNORED_DIRS.has(entry.name)) pending.push(rel);
      } else if (entry.isFile()) {
        found.push(rel);
      }
    }
  }
  return found.sort();
}
