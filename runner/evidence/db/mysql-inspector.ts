import { DEFAULT_DISTINCT_LIMIT, type ColumnInfo, type DbInspector, type IndexInfo } from './db-inspector.js';
import type { ServiceEndpoint } from './service-endpoint.js';
import { typeShape } from './type-family.js';

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/**
 * Opens the candidate's MySQL/MariaDB database with `mysql2`, in a read-only session. Dates stay strings
 * and DECIMAL values numbers, so the round trip compares what was stored, not a time-zone shifted Date.
 */
export async function openMysqlInspector(endpoint: ServiceEndpoint, label: string): Promise<DbInspector> {
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    password: endpoint.password,
    database: endpoint.database,
    connectTimeout: 10_000,
    dateStrings: true,
    decimalNumbers: true,
    supportBigNumbers: true,
    charset: 'utf8mb4',
  });
  // An open socket would keep the CLI from exiting: close it if the session cannot be made read-only.
  await connection.query('SET SESSION TRANSACTION READ ONLY').catch(async (error: unknown) => {
    await connection.end().catch(() => undefined);
    throw error;
  });
  const query = async <R>(sql: string, values: unknown[] = []) => (await connection.query(sql, values))[0] as R[];
  return {
    kind: 'mysql',
    label,
    async version() {
      const [row] = await query<{ v: string }>('SELECT VERSION() AS v');
      return row ? (/mariadb/i.test(row.v) ? `MariaDB ${row.v.split('-')[0]}` : `MySQL ${row.v}`) : null;
    },
    async listTables() {
      const rows = await query<{ name: string }>("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1");
      return rows.map((row) => row.name);
    },
    async countRows(table) {
      const [row] = await query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`);
      return Number(row?.n ?? 0);
    },
    async columns(table) {
      const rows = await query<{ name: string; type: string; nullable: string }>(
        'SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
        [table],
      );
      return rows.map((row): ColumnInfo => {
        const shape = typeShape(String(row.type));
        return { name: row.name, declaredType: String(row.type), maxLength: shape.maxLength, nullable: row.nullable === 'YES', shape };
      });
    },
    async indexes(table) {
      const rows = await query<{ name: string; nonUnique: number; column: string }>(
        'SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS `column` FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX',
        [table],
      );
      const byName = new Map<string, IndexInfo>();
      for (const row of rows) {
        const index = byName.get(row.name) ?? { name: row.name, columns: [], unique: Number(row.nonUnique) === 0, primary: row.name === 'PRIMARY' };
        index.columns.push(row.column);
        byName.set(row.name, index);
      }
      return [...byName.values()];
    },
    async readRows(table, options = {}) {
      const columns = options.columns?.map(quote).join(', ') ?? '*';
      const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
      return query<Record<string, unknown>>(`SELECT ${columns} FROM ${quote(table)}${limit}`);
    },
    async nullCounts(table, columns) {
      if (columns.length === 0) return {};
      const sums = columns.map((column, i) => `COUNT(*) - COUNT(${quote(column)}) AS c${i}`).join(', ');
      const [row] = await query<Record<string, number>>(`SELECT ${sums} FROM ${quote(table)}`);
      return Object.fromEntries(columns.map((column, i) => [column, Number(row?.[`c${i}`] ?? 0)]));
    },
    async distinctValues(table, column, limit = DEFAULT_DISTINCT_LIMIT) {
      // The default collations ignore case and accents: DISTINCT would merge "Épicerie" and "epicerie".
      const [info] = await query<{ type: string }>('SELECT DATA_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?', [table, column]);
      const expression = /char|text|enum|set/i.test(info?.type ?? '') ? `CONVERT(${quote(column)} USING utf8mb4) COLLATE utf8mb4_bin` : quote(column);
      const [rows] = await connection.query({ sql: `SELECT DISTINCT ${expression} FROM ${quote(table)} WHERE ${quote(column)} IS NOT NULL LIMIT ?`, values: [limit + 1], rowsAsArray: true });
      const values = (rows as unknown[][]).map((row) => row[0]);
      return { values: values.slice(0, limit), truncated: values.length > limit };
    },
    async close() {
      await connection.end();
    },
  };
}
