import type { ConnectionInfo } from './service-connection.js';

/** The parts of a connection a setting can name. */
export type ConnectionPart = 'host' | 'port' | 'database' | 'user' | 'password' | 'url';

/**
 * The names under which code commonly reads its database settings, per server kind: libpq's own
 * (`PGHOST`…, which psycopg2 and psql read without being told), the official images' (`POSTGRES_*`,
 * `MYSQL_*`), the tutorials' (`DB_*`, `DATABASE_URL`). The run hands its database under all of them.
 */
const NAMES: Record<'any' | 'postgres' | 'mysql' | 'mongodb', Record<string, ConnectionPart>> = {
  any: { DATABASE_URL: 'url', DB_HOST: 'host', DB_PORT: 'port', DB_NAME: 'database', DB_USER: 'user', DB_PASSWORD: 'password' },
  postgres: {
    PGHOST: 'host', PGPORT: 'port', PGDATABASE: 'database', PGUSER: 'user', PGPASSWORD: 'password',
    POSTGRES_HOST: 'host', POSTGRES_PORT: 'port', POSTGRES_DB: 'database', POSTGRES_USER: 'user', POSTGRES_PASSWORD: 'password',
  },
  mysql: { MYSQL_HOST: 'host', MYSQL_PORT: 'port', MYSQL_DATABASE: 'database', MYSQL_USER: 'user', MYSQL_PASSWORD: 'password' },
  mongodb: { MONGO_URI: 'url', MONGODB_URI: 'url' },
};

/** Every common variable for a database of this kind, set from its connection details. */
export function commonDatabaseEnv(kind: string, info: ConnectionInfo): Record<string, string> {
  const names = { ...NAMES.any, ...(NAMES[kind as keyof typeof NAMES] ?? {}) };
  return Object.fromEntries(Object.entries(names).map(([name, part]) => [name, partOf(info, part)]));
}

export function partOf(info: ConnectionInfo, part: ConnectionPart): string {
  return part === 'port' ? String(info.port) : info[part];
}
