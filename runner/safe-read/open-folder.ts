import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';

const { O_RDONLY } = constants;
const O_DIRECTORY = constants.O_DIRECTORY ?? 0;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Node has no `openat`. On Linux, `/proc/self/fd/<fd>/<name>` is its equivalent: the kernel finds the folder
 * from the descriptor (a "magic link" to the very folder opened), then looks `name` up in it; with
 * `O_NOFOLLOW`, `lstat` or `lchown`, `name` itself is never followed. A folder a candidate renames or
 * replaces by a link after it was opened therefore cannot redirect the grader. Without /proc (macOS), paths
 * are used and every open is checked against the `lstat` before it (same device and inode), which still
 * refuses links and special files but leaves a race with a process that is still running.
 */
const PROC_FD = existsSync('/proc/self/fd') ? '/proc/self/fd' : undefined;

/** A folder the grader holds open; entries are reached through it, never through a path re-resolved later. */
export interface OpenFolder {
  readonly fd: number;
  /** Absolute lexical path, for the fallback without /proc and for messages. */
  readonly path: string;
}

/** Opens a folder the grader trusts (the run's own folders); the only open that may follow links. */
export function openTrustedFolder(path: string): OpenFolder {
  return { fd: openSync(path, O_RDONLY | O_DIRECTORY), path };
}

/** The path that names `name` inside `folder` without re-resolving the folder. */
export function entryPath(folder: OpenFolder, name: string): string {
  return PROC_FD ? `${PROC_FD}/${folder.fd}/${name}` : join(folder.path, name);
}

/** `lstat` of an entry, or undefined when it does not exist. */
export function lstatEntry(folder: OpenFolder, name: string): Stats | undefined {
  try {
    return lstatSync(entryPath(folder, name));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export function readLinkEntry(folder: OpenFolder, name: string): string {
  return readlinkSync(entryPath(folder, name));
}

/** Entry names of an open folder. */
export function entryNames(folder: OpenFolder): string[] {
  return readdirSync(PROC_FD ? `${PROC_FD}/${folder.fd}` : folder.path);
}

/**
 * Opens a sub-folder that `lstat` showed as a folder. `O_NOFOLLOW | O_DIRECTORY` fails if it became a link;
 * the inode check fails if it became another folder. Undefined when it changed: the caller refuses it.
 */
export function openSubfolder(folder: OpenFolder, name: string, seen: Stats): OpenFolder | undefined {
  const fd = tryOpen(entryPath(folder, name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK);
  if (fd === undefined) return undefined;
  if (!sameInode(fd, seen, (s) => s.isDirectory())) return undefined;
  return { fd, path: join(folder.path, name) };
}

/**
 * Opens a regular file that `lstat` showed as one. `O_NONBLOCK`: should a FIFO be swapped in between the
 * `lstat` and the open, the open returns at once instead of waiting for a writer forever.
 */
export function openRegularFile(folder: OpenFolder, name: string, seen: Stats): number | undefined {
  const fd = tryOpen(entryPath(folder, name), O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  if (fd === undefined) return undefined;
  return sameInode(fd, seen, (s) => s.isFile()) ? fd : undefined;
}

export function closeFolder(folder: OpenFolder): void {
  closeQuietly(folder.fd);
}

export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

function tryOpen(path: string, flags: number): number | undefined {
  try {
    return openSync(path, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'ENOTDIR' || code === 'ENOENT' || code === 'ENXIO') return undefined;
    throw error;
  }
}

function sameInode(fd: number, seen: Stats, kind: (stats: Stats) => boolean): boolean {
  const opened = fstatSync(fd);
  if (kind(opened) && opened.dev === seen.dev && opened.ino === seen.ino) return true;
  closeQuietly(fd);
  return false;
}

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
