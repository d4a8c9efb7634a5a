import { DEFAULT_DISTINCT_LIMIT, type ColumnInfo, type DbInspector, type IndexInfo } from './db-inspector.js';
import { typeShape } from './type-family.js';

/** Quotes an identifier for SQLite; table names come from the database itself or the scenario. */
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Opens a SQLite file read-only with better-sqlite3; loaded lazily so other runs never load the addon. */
export async function openSqliteInspector(path: string, label: string): Promise<DbInspector> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path, { readonly: true, fileMustExist: true });
  return {
    kind: 'sqlite',
    label,
    async version() {
      return `SQLite ${(db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}`;
    },
    async listTables() {
      const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
      return rows.map((row) => row.name);
    },
    async countRows(table) {
      return Number((db.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)}`).get() as { n: number | bigint }).n);
    },
    async columns(table) {
      const rows = db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string; type: string; notnull: number }[];
      return rows.map((row): ColumnInfo => {
        const shape = typeShape(row.type, { sqliteAffinity: true });
        return { name: row.name, declaredType: row.type, maxLength: shape.maxLength, nullable: row.notnull === 0, shape };
      });
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
    async nullCounts(table, columns) {
      if (columns.length === 0) return {};
      const sums = columns.map((column, i) => `SUM(CASE WHEN ${quote(column)} IS NULL THEN 1 ELSE 0 END) AS c${i}`).join(', ');
      const row = db.prepare(`SELECT ${sums} FROM ${quote(table)}`).get() as Record<string, number | null>;
      return Object.fromEntries(columns.map((column, i) => [column, Number(row[`c${i}`] ?? 0)]));
    },
    async distinctValues(table, column, limit = DEFAULT_DISTINCT_LIMIT) {
      const rows = db.prepare(`SELECT DISTINCT ${quote(column)} AS v FROM ${quote(table)} WHERE ${quote(column)} IS NOT NULL LIMIT ?`).raw().all(limit + 1) as unknown[][];
      return { values: rows.slice(0, limit).map((row) => row[0]), truncated: rows.length > limit };
    },
    async close() {
      db.close();
    },
  };
}
