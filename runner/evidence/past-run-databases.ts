import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { DEFAULT_READ_LIMITS } from '../safe-read/read-limits.js';
import { release, type Resolution, resolveInside } from '../safe-read/resolve-inside.js';
import type { Verdict } from '../../checks/verdict.js';
import { workspaceFiles } from './workspace-files.js';

const SQLITE_FILE = /\.(db|sqlite|sqlite3)$/i;

/** Content hash and modification time of a file, taken before the steps. */
export interface FileStamp {
  sha256: string;
  mtimeMs: number;
}

/** Stamps every SQLite-like file the repository carries (regular files only, never through a link). */
export function stampDatabaseFiles(workspaceDir: string): Map<string, FileStamp> {
  const stamps = new Map<string, FileStamp>();
  for (const path of workspaceFiles(workspaceDir).list().filter((file) => SQLITE_FILE.test(file))) {
    const stamp = stampOf(workspaceDir, path);
    if (stamp) stamps.set(path, stamp);
  }
  return stamps;
}

/**
 * The committed database files the steps did not write: same content and same modification time after
 * the run as before. What they hold is evidence of a past run of the team's code, not of this one.
 */
export function unwrittenDatabaseFiles(before: ReadonlyMap<string, FileStamp>, workspaceDir: string): Set<string> {
  const unwritten = new Set<string>();
  for (const [path, stamp] of before) {
    const after = stampOf(workspaceDir, path);
    if (after && after.sha256 === stamp.sha256 && after.mtimeMs === stamp.mtimeMs) unwritten.add(path);
  }
  return unwritten;
}

/** The verdict of a check that read such a file says so, in its message and its evidence. */
export function withPastRunNote(verdict: Verdict, file: string | undefined): Verdict {
  if (!file) return verdict;
  const note = {
    fr: `La base lue (${file}) est versionnée dans le dépôt et cette exécution ne l’a pas écrite : elle témoigne d’une exécution passée, pas de celle-ci.`,
    en: `The database read (${file}) is committed in the repository and this run did not write it: it is evidence of a past run, not of this one.`,
  };
  return {
    ...verdict,
    message: { fr: `${verdict.message.fr} ${note.fr}`, en: `${verdict.message.en} ${note.en}` },
    evidence: [...verdict.evidence, { kind: 'db', subject: file, expected: 'written by this run', actual: 'committed, not written by this run', note }],
  };
}

/** Through the safe reader: no link out followed (on any component), no FIFO opened, at most the database cap. */
function stampOf(workspaceDir: string, path: string): FileStamp | undefined {
  let resolution: Resolution | undefined;
  try {
    resolution = resolveInside(workspaceDir, path, 'inside');
    if (resolution.kind !== 'file' || resolution.stats.size > DEFAULT_READ_LIMITS.databaseBytes) return undefined;
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let read = readSync(resolution.fd, buffer); read > 0; read = readSync(resolution.fd, buffer)) hash.update(buffer.subarray(0, read));
    return { sha256: hash.digest('hex'), mtimeMs: resolution.stats.mtimeMs };
  } catch {
    return undefined;
  } finally {
    if (resolution) release(resolution);
  }
}
