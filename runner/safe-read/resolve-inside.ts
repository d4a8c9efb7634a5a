import { fstatSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { RefusalFacts, RefusalReason } from './file-refused.js';
import { closeFolder, isMissing, lstatEntry, type OpenFolder, openRegularFile, openSubfolder, openTrustedFolder, readLinkEntry } from './open-folder.js';

/** `inside`: links are followed while they stay inside the root (relative targets only); `none`: every link is refused. */
export type LinkPolicy = 'inside' | 'none';

/** What a path names once resolved; the caller owns (and closes) the descriptor or folder it returns. */
export type Resolution =
  | { kind: 'file'; fd: number; stats: Stats }
  | { kind: 'folder'; folder: OpenFolder; stats: Stats }
  | { kind: 'missing' }
  | { kind: 'refused'; reason: RefusalReason; facts: RefusalFacts };

/** Linux's own bound on links followed while resolving one path. */
const MAX_LINKS = 40;

/**
 * Resolves a relative path inside `root` one component at a time, the way `openat2(RESOLVE_IN_ROOT |
 * RESOLVE_NO_MAGICLINKS)` would: each folder is opened with `O_NOFOLLOW | O_DIRECTORY` from the one before
 * (open-folder.ts), `..` never climbs above the root, a link is read and its relative target walked by the
 * same rules (an absolute target leaves the root unless it names the root's own real path or below it), and
 * the last component must be a folder or a regular file — FIFOs, sockets and
 * devices are refused from their `lstat`, without ever being opened.
 */
export function resolveInside(root: string, path: string, links: LinkPolicy): Resolution {
  if (isAbsolute(path)) return refused('outside');
  const pending = components(path);
  const top = openRootOrMissing(root);
  if (!top) return { kind: 'missing' };
  const stack: OpenFolder[] = [top];
  let followed = 0;
  let linkText: string | undefined;
  try {
    while (pending.length > 0) {
      const name = pending.shift()!;
      const folder = stack.at(-1)!;
      if (name === '..') {
        if (stack.length === 1) return refused(linkText === undefined ? 'outside' : 'link-outside', { target: linkText });
        closeFolder(stack.pop()!);
        continue;
      }
      const stats = lstatEntry(folder, name);
      if (!stats) return { kind: 'missing' };
      if (stats.isSymbolicLink()) {
        const target = readLinkEntry(folder, name);
        linkText ??= target;
        if (links === 'none') return refused('link', { target });
        if (++followed > MAX_LINKS) return refused('link-loop');
        if (isAbsolute(target)) {
          // Only an absolute link to the root itself or below it (code run by the local sandbox writes such
          // links) is walked, from the root again, by the same rules; anything else leaves the root.
          const below = belowRoot(root, target);
          if (below === undefined) return refused('link-outside', { target });
          while (stack.length > 1) closeFolder(stack.pop()!);
          pending.unshift(...below);
          continue;
        }
        pending.unshift(...components(target));
        continue;
      }
      if (stats.isDirectory()) {
        const sub = openSubfolder(folder, name, stats);
        if (!sub) return refused('changed');
        stack.push(sub);
        continue;
      }
      if (pending.length > 0) return { kind: 'missing' }; // a file used as a folder, as ENOTDIR would say
      if (!stats.isFile()) return refused('special', { special: specialKind(stats) });
      const fd = openRegularFile(folder, name, stats);
      return fd === undefined ? refused('changed') : { kind: 'file', fd, stats };
    }
    const folder = stack.pop()!;
    return { kind: 'folder', folder, stats: fstatSync(folder.fd) };
  } finally {
    for (const folder of stack) closeFolder(folder);
  }
}

/** Closes what a resolution holds open. */
export function release(resolution: Resolution): void {
  if (resolution.kind === 'file') closeFolder({ fd: resolution.fd, path: '' });
  if (resolution.kind === 'folder') closeFolder(resolution.folder);
}

/** The components of an absolute `target` below the root (its real path), or undefined when it is elsewhere. */
function belowRoot(root: string, target: string): string[] | undefined {
  const real = realpathSync(root);
  if (target === real) return [];
  // Not normalised: a `..` left in the rest is walked physically, and never above the root.
  return target.startsWith(`${real}/`) ? components(target.slice(real.length + 1)) : undefined;
}

/** A root that does not exist (no datasets folder, say) holds nothing, rather than throwing. */
function openRootOrMissing(root: string): OpenFolder | undefined {
  try {
    return openTrustedFolder(root);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function components(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}

function refused(reason: RefusalReason, facts: RefusalFacts = {}): Resolution {
  return { kind: 'refused', reason, facts };
}

export function specialKind(stats: Stats): NonNullable<RefusalFacts['special']> {
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'other';
}
