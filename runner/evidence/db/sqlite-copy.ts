import { existsSync, mkdtempSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { WorkspaceFiles } from '../workspace-files.js';

/** Files SQLite keeps beside a database: the write-ahead log and the rollback journal. */
const COMPANIONS = ['-wal', '-journal'];

/**
 * Copies a candidate's SQLite database — with its -wal and -journal when present — through the safe reader
 * into a fresh grader-owned folder under `scratchDir`, and returns the copy's path. better-sqlite3 opens
 * paths itself: given the candidate's, it would follow a `data.db → /root/secret.db` link, or block on a
 * FIFO; given the copy, there is nothing left to redirect. Each file is capped at `limits.databaseBytes`.
 */
export async function copySqliteDatabase(workspace: WorkspaceFiles, path: string, scratchDir: string): Promise<string> {
  const folder = mkdtempSync(join(scratchDir, 'sqlite-'));
  const copy = join(folder, basename(path));
  const cap = workspace.limits.databaseBytes;
  workspace.copyTo(path, copy, cap, 'databaseBytes');
  // A companion that exists but is refused (a link out, a FIFO) refuses the database: it would change what is read.
  for (const suffix of COMPANIONS) if (workspace.exists(path + suffix)) workspace.copyTo(path + suffix, copy + suffix, cap, 'databaseBytes');
  if (existsSync(`${copy}-journal`)) await rollBackHotJournal(copy);
  return copy;
}

/**
 * A run killed mid-transaction leaves a "hot" journal, and a read-only connection refuses such a database
 * (SQLITE_READONLY_ROLLBACK). Opening the grader's copy read-write once rolls it back, as the next writer
 * would; the checks then read it read-only. The candidate's own files are never written.
 */
async function rollBackHotJournal(copy: string): Promise<void> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(copy, { fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    db.close();
  }
}
