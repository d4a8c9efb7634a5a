import { connectionInfo } from '../service-connection.js';
import { SERVICE_KINDS } from '../service-kinds.js';
import type { LocalDatabase } from './local-database.js';

/** Creates a database and an account limited to it on the MySQL/MariaDB server behind `admin`. */
export async function createMysqlDatabase(admin: URL, names: { database: string; user: string }, password: string): Promise<LocalDatabase> {
  const mysql = await import('mysql2/promise');
  const run = async (statements: string[]) => {
    const connection = await mysql.createConnection({ uri: admin.href, connectTimeout: 10_000 });
    try {
      for (const sql of statements) await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  // The server listens on loopback only, so '%' cannot reach beyond this machine.
  const account = `'${names.user}'@'%'`;
  const dropStatements = [`DROP DATABASE IF EXISTS \`${names.database}\``, `DROP USER IF EXISTS ${account}`];
  try {
    await run([
      `CREATE DATABASE \`${names.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      `CREATE USER ${account} IDENTIFIED BY '${password}'`,
      `GRANT ALL PRIVILEGES ON \`${names.database}\`.* TO ${account}`,
    ]);
  } catch (error) {
    // Undo what the batch did before failing, or the database and account outlive the run unseen.
    await run(dropStatements).catch(() => undefined);
    throw error;
  }
  const host = admin.hostname;
  const port = Number(admin.port || 3306);
  let dropped = false;
  return {
    connection: connectionInfo(SERVICE_KINDS.mysql.scheme, { host, port, user: names.user, password, database: names.database }),
    async drop() {
      if (dropped) return;
      dropped = true;
      await run(dropStatements);
    },
  };
}
