import { DEFAULT_DISTINCT_LIMIT, type ColumnInfo, type DbInspector, type IndexInfo } from './db-inspector.js';
import type { ServiceEndpoint } from './service-endpoint.js';
import { typeShape } from './type-family.js';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** PostgreSQL type oids whose text form is kept as is: dates must not move with the grader's time zone. */
const TEXT_KEPT = [1082, 1083, 1114, 1184, 1266];

/**
 * Opens the candidate's PostgreSQL database with `pg`, in a read-only session. Tables are those of the
 * current schema (`public` unless the candidate changed search_path). `pg` is imported on first use.
 */
export async function openPostgresInspector(endpoint: ServiceEndpoint, label: string): Promise<DbInspector> {
  const { default: pg } = await import('pg');
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (TEXT_KEPT.includes(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text')) };
  const client = new pg.Client({
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    password: endpoint.password,
    database: endpoint.database,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 120_000,
    types,
  });
  await client.connect();
  // An open socket would keep the CLI from exiting: close it if the session cannot be made read-only.
  await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY').catch(async (error: unknown) => {
    await client.end().catch(() => undefined);
    throw error;
  });
  const query = async <R extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await client.query<R>(text, values)).rows;
  return {
    kind: 'postgres',
    label,
    async version() {
      const [row] = await query<{ v: string }>("SELECT current_setting('server_version') AS v");
      return row ? `PostgreSQL ${row.v}` : null;
    },
    async listTables() {
      const rows = await query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1");
      return rows.map((row) => row.name);
    },
    async countRows(table) {
      const [row] = await query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`);
      return Number(row?.n ?? 0);
    },
    async columns(table) {
      const rows = await query<{ name: string; type: string; nullable: string }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS nullable
           FROM pg_attribute a WHERE a.attrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass AND a.attnum > 0 AND NOT a.attisdropped
          ORDER BY a.attnum`,
        [table],
      );
      return rows.map((row): ColumnInfo => {
        const shape = typeShape(row.type);
        return { name: row.name, declaredType: row.type, maxLength: shape.maxLength, nullable: row.nullable === 'YES', shape };
      });
    },
    async indexes(table) {
      const rows = await query<{ name: string; unique: boolean; primary: boolean; columns: string[] }>(
        `SELECT i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
                array_agg(COALESCE(a.attname::text, pg_get_indexdef(ix.indexrelid, k.ord::int, true)) ORDER BY k.ord) AS columns
           FROM pg_index ix
           JOIN pg_class i ON i.oid = ix.indexrelid
           CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
           LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
          WHERE ix.indrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass
          GROUP BY i.relname, ix.indisunique, ix.indisprimary ORDER BY 1`,
        [table],
      );
      return rows.map((row): IndexInfo => ({ name: row.name, columns: row.columns, unique: row.unique, primary: row.primary }));
    },
    async readRows(table, options = {}) {
      const columns = options.columns?.map(quote).join(', ') ?? '*';
      const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
      return query(`SELECT ${columns} FROM ${quote(table)}${limit}`);
    },
    async nullCounts(table, columns) {
      if (columns.length === 0) return {};
      const sums = columns.map((column, i) => `COUNT(*) - COUNT(${quote(column)}) AS c${i}`).join(', ');
      const [row] = await query<Record<string, string>>(`SELECT ${sums} FROM ${quote(table)}`);
      return Object.fromEntries(columns.map((column, i) => [column, Number(row?.[`c${i}`] ?? 0)]));
    },
    async distinctValues(table, column, limit = DEFAULT_DISTINCT_LIMIT) {
      const rows = await client.query({ text: `SELECT DISTINCT ${quote(column)} FROM ${quote(table)} WHERE ${quote(column)} IS NOT NULL LIMIT $1`, values: [limit + 1], rowMode: 'array' });
      const values = (rows.rows as unknown[][]).map((row) => row[0]);
      return { values: values.slice(0, limit), truncated: values.length > limit };
    },
    async close() {
      await client.end();
    },
  };
}
