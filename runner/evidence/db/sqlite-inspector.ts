import type { ColumnInfo, DbInspector, IndexInfo } from './db-inspector.js';

/** Quotes an identifier for SQLite; table names come from the database itself or the scenario. */
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Opens a SQLite file read-only with better-sqlite3; loaded lazily so other runs never load the addon. */
export async function openSqliteInspector(path: string, label: string): Promise<DbInspector> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path, { readonly: true, fileMustExist: true });
  return {
    kind: 'sqlite',
    label,
    async listTables() {
      const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
      return rows.map((row) => row.name);
    },
    async countRows(table) {
      return Number((db.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)}`).get() as { n: number | bigint }).n);
    },
    async columns(table) {
      const rows = db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string; type: string; notnull: number }[];
      return rows.map((row): ColumnInfo => ({ name: row.name, declaredType: row.type, maxLength: sizedLength(row.type), nullable: row.notnull === 0 }));
    },
    async indexes(table) {
      const list = db.prepare(`PRAGMA index_list(${quote(table)})`).all() as { name: string; unique: number; origin: string }[];
      return list.map((index): IndexInfo => {
        const columns = (db.prepare(`PRAGMA index_info(${quote(index.name)})`).all() as { name: string }[]).map((c) => c.name);
        return { name: index.name, columns, unique: index.unique === 1, primary: index.origin === 'pk' };
      });
    },
    async readRows(table, options = {}) {
      const columns = options.columns?.map(quote).join(', ') ?? '*';
      const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
      return db.prepare(`SELECT ${columns} FROM ${quote(table)}${limit}`).all() as Record<string, unknown>[];
    },
    async close() {
      db.close();
    },
  };
}

/** `VARCHAR(50)` → 50. SQLite does not enforce it, but the declared width is what the candidate chose. */
export function sizedLength(declaredType: string): number | null {
  const match = /char\s*\(\s*(\d+)\s*\)/i.exec(declaredType);
  return match ? Number(match[1]) : null;
}
