import { isAbsolute, relative, resolve, sep } from 'node:path';
import { FileRefusedError, type FolderLabel, REPOSITORY } from '../safe-read/file-refused.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../safe-read/read-limits.js';
import { copyFileInside, existsInside, readFileInside, statFileInside } from '../safe-read/read-inside.js';
import { release, resolveInside } from '../safe-read/resolve-inside.js';
import { walkInside } from '../safe-read/walk-inside.js';
import { decodeText } from './decode-text.js';

/**
 * Read-only access to a folder of candidate files; paths are relative, with `/` separators. Every read goes
 * through the safe reader (runner/safe-read): no link leaving the folder is followed, FIFOs, sockets and
 * devices are refused without being opened, and sizes are capped (`limits`). A refusal is a
 * FileRefusedError, which the runner turns into an `error` verdict naming the file and the reason.
 */
export interface WorkspaceFiles {
  readonly root: string;
  readonly limits: ReadLimits;
  /**
   * The absolute path a relative one names, for messages and for the grader's own writes (tests); throws
   * when the path leaves the folder. Never hand it to something that opens the candidate's file: use the
   * readers below, which resolve it again without following links.
   */
  resolve(relativePath: string): string;
  /** Something is there: a file, a folder, or an entry the readers would refuse (and say why). */
  exists(relativePath: string): boolean;
  /** Decoded text (any encoding, see decode-text.ts), capped at `limits.textBytes` unless a cap is given. */
  readText(relativePath: string, maxBytes?: number): string;
  readBytes(relativePath: string, maxBytes?: number, kind?: keyof ReadLimits): Buffer;
  /** Copies a regular file to a new grader-owned path (never overwritten), for readers that only take a path. */
  copyTo(relativePath: string, destination: string, maxBytes: number, kind: keyof ReadLimits): void;
  /** Size and modification time of a regular file, without following links out; undefined if there is none. */
  statFile(relativePath: string): { size: number; mtimeMs: number } | undefined;
  /**
   * Every regular file, relative, sorted; `.git` and caches are left out. Linked folders are never entered;
   * a link is listed only when it stays inside the folder and ends on a regular file.
   */
  list(): readonly string[];
}

const IGNORED_DIRS = new Set(['.git', 'node_modules', '__pycache__', '.ipynb_checkpoints', '.venv', 'venv', '.mspr']);

export function workspaceFiles(root: string, limits: ReadLimits = DEFAULT_READ_LIMITS, folder: FolderLabel = REPOSITORY): WorkspaceFiles {
  let listing: string[] | undefined;
  const inside = (relativePath: string): string => {
    const absolute = resolve(root, relativePath);
    const rel = relative(root, absolute);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new FileRefusedError(relativePath, 'outside', folder);
    return rel.split(sep).join('/');
  };
  const options = { folder };
  return {
    root,
    limits,
    resolve: (relativePath) => resolve(root, inside(relativePath)),
    exists: (relativePath) => existsInside(root, inside(relativePath), options),
    readText: (relativePath, maxBytes = limits.textBytes) => decodeText(readFileInside(root, inside(relativePath), { maxBytes, kind: 'textBytes' }, options)).text,
    readBytes: (relativePath, maxBytes = limits.textBytes, kind = 'textBytes') => readFileInside(root, inside(relativePath), { maxBytes, kind }, options),
    copyTo: (relativePath, destination, maxBytes, kind) => copyFileInside(root, inside(relativePath), destination, { maxBytes, kind }, options),
    statFile: (relativePath) => statFileInside(root, inside(relativePath), options),
    list: () => (listing ??= listRegularFiles(root).sort()),
  };
}

function listRegularFiles(root: string): string[] {
  const found: string[] = [];
  walkInside(root, ({ rel, name, stats }) => {
    if (stats.isDirectory()) return !IGNORED_DIRS.has(name);
    if (stats.isFile()) found.push(rel);
    else if (stats.isSymbolicLink() && endsOnRegularFile(root, rel)) found.push(rel);
    return false;
  });
  return found;
}

function endsOnRegularFile(root: string, rel: string): boolean {
  const resolution = resolveInside(root, rel, 'inside');
  release(resolution);
  return resolution.kind === 'file';
}
