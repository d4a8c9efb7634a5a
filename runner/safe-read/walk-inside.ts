import type { Stats } from 'node:fs';
import { closeFolder, entryNames, entryPath, lstatEntry, type OpenFolder, openSubfolder, openTrustedFolder } from './open-folder.js';

/** One entry met by the walk; `path` names it through its open parent folder (open-folder.ts). */
export interface WalkEntry {
  /** Relative to the root, `/`-separated. */
  rel: string;
  name: string;
  stats: Stats;
  /** Names this entry through its parent's descriptor: `lchown`/`lstat` on it never follow a link. */
  path: string;
  parent: OpenFolder;
}

/** Deeper than this, nothing is visited: no real project nests so deep, and each level holds a descriptor. */
const MAX_DEPTH = 64;

/**
 * Visits every entry under `root` (the root itself excluded), parents before children. It descends only
 * into real folders — from their `lstat`, opened with `O_NOFOLLOW | O_DIRECTORY` from their parent's
 * descriptor — and only when `visit` returns true for them. A link is an entry like any other: it is
 * visited, never descended into, so a link to `/` or a loop (`a → .`) costs one visit.
 */
export function walkInside(root: string, visit: (entry: WalkEntry) => boolean | void): void {
  const top = openTrustedFolder(root);
  try {
    walkFolder(top, '', 0, visit);
  } finally {
    closeFolder(top);
  }
}

function walkFolder(folder: OpenFolder, prefix: string, depth: number, visit: (entry: WalkEntry) => boolean | void): void {
  for (const name of entryNames(folder).sort()) {
    const stats = lstatEntry(folder, name);
    if (!stats) continue; // removed since the listing
    const rel = prefix ? `${prefix}/${name}` : name;
    const descend = visit({ rel, name, stats, path: entryPath(folder, name), parent: folder });
    if (!descend || !stats.isDirectory() || depth + 1 >= MAX_DEPTH) continue;
    const sub = openSubfolder(folder, name, stats);
    if (!sub) continue; // replaced by a link or another folder since its lstat: not ours to enter
    try {
      walkFolder(sub, rel, depth + 1, visit);
    } finally {
      closeFolder(sub);
    }
  }
}
