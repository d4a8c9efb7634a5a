import Database from 'better-sqlite3';
import { createDatabaseAccess } from '../../runner/evidence/database-access.js';
import type { WorkspaceFiles } from '../../runner/evidence/workspace-files.js';

/** Creates `<workspace>/<file>` with tables holding the given number of rows, as a candidate's load would. */
export function writeSqlite(workspace: WorkspaceFiles, file: string, tables: Record<string, number>): void {
  const db = new Database(workspace.resolve(file));
  for (const [table, rows] of Object.entries(tables)) {
    db.exec(`CREATE TABLE "${table}" (id INTEGER, label VARCHAR(50))`);
    const insert = db.prepare(`INSERT INTO "${table}" VALUES (?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(i, `row ${i}`);
    })();
  }
  db.close();
}

/** The runner's own database access over a workspace (SQLite discovered or declared). */
export function sqliteAccess(workspace: WorkspaceFiles, path?: string) {
  return createDatabaseAccess({
    services: [{ id: 'db', kind: 'sqlite', ...(path ? { path } : {}) }],
    manifest: undefined,
    workspace,
    endpoints: new Map(),
    note: () => {},
  });
}
