import type { LocalDatabase } from './local-database.js';

/**
 * A fresh database name on the MongoDB server behind `admin`. The account is the configured one: creating
 * users needs the userAdmin role, which a shared test server seldom grants; the database is dropped after.
 */
export async function createMongoDatabase(admin: URL, names: { database: string }): Promise<LocalDatabase> {
  const url = new URL(admin.href);
  if (!url.searchParams.has('authSource') && url.username) url.searchParams.set('authSource', url.pathname.replace(/^\//, '') || 'admin');
  url.pathname = `/${names.database}`;
  const host = url.hostname;
  const port = Number(url.port || 27017);
  let dropped = false;
  return {
    connection: { host, port, user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database: names.database, url: url.href },
    nativeUrl: url.href,
    async drop() {
      if (dropped) return;
      dropped = true;
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(url.href, { serverSelectionTimeoutMS: 10_000 });
      try {
        await client.connect();
        await client.db(names.database).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
