import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDatabaseAccess } from '../../runner/evidence/database-access.js';
import { workspaceFiles } from '../../runner/evidence/workspace-files.js';
import { FileRefusedError } from '../../runner/safe-read/file-refused.js';

/** A SQLite file owned by root, mode 0600, outside any workspace: the host's database a link would aim at. */
function hostDatabase(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mspr-hostdb-')), 'host.db');
  const db = new Database(path);
  db.exec("CREATE TABLE host_secrets (v TEXT); INSERT INTO host_secrets VALUES ('HOST-ROW')");
  db.close();
  execFileSync('chmod', ['600', path]);
  return path;
}

function access(root: string, declared?: string) {
  const scratch = mkdtempSync(join(tmpdir(), 'mspr-scratch-'));
  const notes: string[] = [];
  const databases = createDatabaseAccess({
    services: [{ id: 'db', kind: 'sqlite', ...(declared ? { path: declared } : {}) }],
    manifest: undefined,
    workspace: workspaceFiles(root),
    endpoints: new Map(),
    note: (text) => notes.push(text.en),
    scratchDir: scratch,
  });
  return { databases, scratch, notes };
}

describe('SQLite files are copied through the safe reader, then the copy is opened read-only', () => {
  it('a declared data.db linking to a host database is refused; nothing of the host database is read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mspr-ws-'));
    const host = hostDatabase();
    symlinkSync(host, join(root, 'data.db'));
    const { databases } = access(root, 'data.db');
    const error = await databases.open().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRefusedError);
    expect((error as FileRefusedError).text.en).toBe(`File refused: "data.db" is a symbolic link leading outside the repository (to ${host}); the grader does not follow it.`);
    await databases.closeAll();
  });

  it('undeclared, a link out is not a database of the repository: none is found', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mspr-ws-'));
    symlinkSync(hostDatabase(), join(root, 'data.db'));
    const { databases } = access(root);
    await expect(databases.open()).rejects.toThrow('No SQLite database (.db, .sqlite) was found after the run.');
  });

  it('a FIFO named like a database is refused at once (it would block an open forever)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mspr-ws-'));
    execFileSync('mkfifo', [join(root, 'data.db')]);
    const { databases } = access(root, 'data.db');
    await expect(databases.open()).rejects.toThrow('File refused: "data.db" is a named pipe (FIFO), not a regular file; the grader does not open it.');
  });

  it('reads rows still in the write-ahead log, and rolls a hot journal back on the copy only', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mspr-ws-'));
    const wal = new Database(join(root, 'wal.db'));
    wal.pragma('journal_mode = WAL');
    wal.pragma('wal_autocheckpoint = 0');
    wal.exec('CREATE TABLE ventes (id INTEGER); INSERT INTO ventes VALUES (1), (2), (3)');
    expect(existsSync(join(root, 'wal.db-wal'))).toBe(true);
    const walAccess = access(root, 'wal.db');
    const walDb = await walAccess.databases.open();
    expect(await walDb.countRows('ventes')).toBe(3);
    expect(walDb.label).toBe('sqlite:wal.db');
    await walAccess.databases.closeAll();
    expect(readdirSync(walAccess.scratch)).toEqual([]);
    wal.close();

    // A pipeline killed mid-transaction: the database file and its hot journal, as left on disk.
    const live = mkdtempSync(join(tmpdir(), 'mspr-live-'));
    const writer = new Database(join(live, 'hot.db'));
    writer.exec('CREATE TABLE ventes (id INTEGER); INSERT INTO ventes VALUES (1)');
    writer.pragma('cache_size = 10');
    writer.exec('BEGIN');
    const insert = writer.prepare('INSERT INTO ventes VALUES (?)');
    for (let i = 0; i < 20_000; i++) insert.run(i);
    copyFileSync(join(live, 'hot.db'), join(root, 'hot.db'));
    copyFileSync(join(live, 'hot.db-journal'), join(root, 'hot.db-journal'));
    writer.close();
    const hot = access(root, 'hot.db');
    expect(await (await hot.databases.open()).countRows('ventes')).toBe(1);
    await hot.databases.closeAll();
    expect(existsSync(join(root, 'hot.db-journal'))).toBe(true); // the candidate's files are never written
  });

  it('a -wal that links out refuses the database', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mspr-ws-'));
    new Database(join(root, 'data.db')).exec('CREATE TABLE t (a)');
    symlinkSync('/dev/zero', join(root, 'data.db-wal'));
    const { databases } = access(root, 'data.db');
    await expect(databases.open()).rejects.toThrow('File refused: "data.db-wal" is a symbolic link leading outside the repository (to /dev/zero)');
  });
});
