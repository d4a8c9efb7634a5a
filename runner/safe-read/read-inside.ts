import { closeSync, constants, fstatSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { FileRefusedError, type FolderLabel, REPOSITORY } from './file-refused.js';
import { closeQuietly } from './open-folder.js';
import type { ReadLimits } from './read-limits.js';
import { type LinkPolicy, release, resolveInside } from './resolve-inside.js';

/** Where a path is read from and how links are treated; see resolve-inside.ts. */
export interface InsideOptions {
  links?: LinkPolicy;
  /** How messages name the root ("the repository", "the trace folder"). */
  folder?: FolderLabel;
}

/** A cap in bytes and the kind of file it is for (named in the refusal, with the setting that raises it). */
export interface Cap {
  maxBytes: number;
  kind: keyof ReadLimits;
}

const CHUNK = 1024 * 1024;

/** The bytes of a regular file inside `root`; throws FileRefusedError for links out, special files, sizes over the cap. */
export function readFileInside(root: string, path: string, cap: Cap, options: InsideOptions = {}): Buffer {
  const fd = openFileInside(root, path, cap, options);
  try {
    return readCapped(fd, fstatSync(fd).size, cap, path, options.folder ?? REPOSITORY);
  } finally {
    closeQuietly(fd);
  }
}

/**
 * Copies a regular file inside `root` to `destination`, a new file the grader creates (`O_EXCL`, mode 0600):
 * for readers that only take a path (better-sqlite3), so they open the grader's copy, never the candidate's.
 */
export function copyFileInside(root: string, path: string, destination: string, cap: Cap, options: InsideOptions = {}): void {
  const source = openFileInside(root, path, cap, options);
  const target = openSync(destination, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  let copied = 0;
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let read = readSync(source, buffer, 0, CHUNK, null); read > 0; read = readSync(source, buffer, 0, CHUNK, null)) {
      copied += read;
      if (copied > cap.maxBytes) throw tooLarge(path, copied, cap, options.folder ?? REPOSITORY);
      writeSync(target, buffer, 0, read);
    }
  } catch (error) {
    closeQuietly(target);
    unlinkSync(destination);
    throw error;
  } finally {
    closeQuietly(source);
  }
  closeSync(target);
}

/** Size and modification time of a regular file inside `root`, or undefined when there is none to read. */
export function statFileInside(root: string, path: string, options: InsideOptions = {}): { size: number; mtimeMs: number } | undefined {
  const resolution = resolveInside(root, path, options.links ?? 'inside');
  release(resolution);
  return resolution.kind === 'file' ? { size: resolution.stats.size, mtimeMs: resolution.stats.mtimeMs } : undefined;
}

/** True when something is at `path` — a file, a folder, or an entry the grader would refuse to read (so the reader says why). */
export function existsInside(root: string, path: string, options: InsideOptions = {}): boolean {
  const resolution = resolveInside(root, path, options.links ?? 'inside');
  release(resolution);
  return resolution.kind !== 'missing';
}

function openFileInside(root: string, path: string, cap: Cap, options: InsideOptions): number {
  const folder = options.folder ?? REPOSITORY;
  const resolution = resolveInside(root, path, options.links ?? 'inside');
  switch (resolution.kind) {
    case 'file':
      if (resolution.stats.size > cap.maxBytes) {
        closeQuietly(resolution.fd);
        throw tooLarge(path, resolution.stats.size, cap, folder);
      }
      return resolution.fd;
    case 'folder':
      release(resolution);
      throw new FileRefusedError(path, 'folder', folder);
    case 'refused':
      throw new FileRefusedError(path, resolution.reason, folder, resolution.facts);
    case 'missing':
      throw Object.assign(new Error(`ENOENT: no such file, ${path}`), { code: 'ENOENT' });
  }
}

/** Reads to the end, never past the cap: a file still growing (or lying about its size) is refused, not followed. */
function readCapped(fd: number, size: number, cap: Cap, path: string, folder: FolderLabel): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(size, cap.maxBytes) + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total > cap.maxBytes) throw tooLarge(path, total, cap, folder);
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, cap.maxBytes + 1));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const read = readSync(fd, buffer, total, buffer.length - total, null);
    if (read === 0) break;
    total += read;
  }
  if (total > cap.maxBytes) throw tooLarge(path, total, cap, folder);
  return buffer.subarray(0, total);
}

function tooLarge(path: string, size: number, cap: Cap, folder: FolderLabel): FileRefusedError {
  return new FileRefusedError(path, 'too-large', folder, { size, limit: cap.maxBytes, kind: cap.kind });
}
