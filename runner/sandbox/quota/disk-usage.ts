import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The folders could not be measured: the caller must treat it as a fault, never as "nothing written". */
export class UsageUnmeasurable extends Error {
  constructor(
    readonly path: string,
    readonly errorCode: string,
  ) {
    super(`cannot measure ${path}: ${errorCode}`);
  }
}

/** What a measurement found. */
export interface Usage {
  /** Allocated bytes (blocks × 512) of every entry: files, folders, links, special files. */
  bytes: number;
  /** Entries counted, the roots included. */
  entries: number;
}

/** Entries that vanish between the listing and their `lstat` are the candidate deleting files, not a fault. */
const RACES = new Set(['ENOENT', 'ENOTDIR']);

/**
 * Bytes the folders hold, measured without ever following a link: each entry is `lstat`ed, a link counts as
 * the link itself, and only real folders are descended into (the walk is iterative, so depth costs nothing).
 * Node's `readdir(…, {recursive: true})` descends into symlinked folders: two loop links (`a → .`, `b → .`)
 * make it throw ELOOP, which the old watch counted as 0 bytes. Any error other than a deletion race throws
 * `UsageUnmeasurable`, so a candidate cannot hide what it wrote by making the tree unreadable.
 * Allocated blocks rather than sizes: a sparse file counts as what it uses.
 */
export async function measureUsage(folders: string[]): Promise<Usage> {
  const usage: Usage = { bytes: 0, entries: 0 };
  for (const folder of folders) {
    const root = await lstatOrRace(folder);
    if (!root) continue; // a folder that does not exist (yet) holds nothing
    count(usage, root.blocks);
    if (root.isDirectory()) await walk(folder, usage);
  }
  return usage;
}

/** `measureUsage(…).bytes`, for callers that only need the total. */
export async function usage(folders: string[]): Promise<number> {
  return (await measureUsage(folders)).bytes;
}

async function walk(top: string, usage: Usage): Promise<void> {
  const pending = [top];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (RACES.has(error.code ?? '')) return [] as string[];
      throw new UsageUnmeasurable(dir, error.code ?? String(error));
    });
    // Batches keep libuv's thread pool busy without queueing 100 000 lstat calls at once.
    for (let i = 0; i < names.length; i += 256) {
      const paths = names.slice(i, i + 256).map((name) => join(dir, name));
      const stats = await Promise.all(paths.map(lstatOrRace));
      stats.forEach((stat, index) => {
        if (!stat) return;
        count(usage, stat.blocks);
        if (stat.isDirectory()) pending.push(paths[index]!);
      });
    }
  }
}

async function lstatOrRace(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (RACES.has(code)) return undefined;
    throw new UsageUnmeasurable(path, code);
  }
}

function count(usage: Usage, blocks: number): void {
  usage.bytes += blocks * 512;
  usage.entries++;
}
