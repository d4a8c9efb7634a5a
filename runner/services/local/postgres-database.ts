import { connectionInfo } from '../service-connection.js';
import { SERVICE_KINDS } from '../service-kinds.js';
import type { LocalDatabase } from './local-database.js';

/** Creates a role and a database it owns on the PostgreSQL server behind `admin`. */
export async function createPostgresDatabase(admin: URL, names: { database: string; user: string }, password: string): Promise<LocalDatabase> {
  const { default: pg } = await import('pg');
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.href, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE ROLE "${names.user}" LOGIN PASSWORD '${password}'`);
  try {
    await run(`CREATE DATABASE "${names.database}" OWNER "${names.user}"`);
  } catch (error) {
    await run(`DROP ROLE IF EXISTS "${names.user}"`).catch(() => undefined);
    throw error;
  }
  const host = admin.hostname;
  const port = Number(admin.port || 5432);
  let dropped = false;
  return {
    connection: connectionInfo(SERVICE_KINDS.postgres.scheme, { host, port, user: names.user, password, database: names.database }),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE ends the candidate's leftover sessions (a notebook kernel still open, a pool never closed).
      await run(`DROP DATABASE IF EXISTS "${names.database}" WITH (FORCE)`);
      await run(`DROP ROLE IF EXISTS "${names.user}"`);
    },
  };
}
