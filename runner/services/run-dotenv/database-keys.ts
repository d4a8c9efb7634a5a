import type { ConnectionPart } from '../database-env-names.js';

/** What a `.env` key names: a part of a database connection, and the server kind when the name says it. */
export interface DatabaseKey {
  part: ConnectionPart;
  /** `postgres`, `mysql`, `mongodb`, or undefined for generic names (`DB_HOST`, `DATABASE_URL`). */
  kind?: string;
}

const EXACT: Record<string, DatabaseKey> = {
  DATABASE_URL: { part: 'url' },
  DATABASE_URI: { part: 'url' },
  SQLALCHEMY_DATABASE_URI: { part: 'url' },
  SQLALCHEMY_DATABASE_URL: { part: 'url' },
  PGHOST: { part: 'host', kind: 'postgres' },
  PGPORT: { part: 'port', kind: 'postgres' },
  PGDATABASE: { part: 'database', kind: 'postgres' },
  PGUSER: { part: 'user', kind: 'postgres' },
  PGPASSWORD: { part: 'password', kind: 'postgres' },
};

const PATTERN = /^(?:[A-Z0-9]+_)*?(DB|DATABASE|POSTGRES(?:QL)?|PG|PSQL|MYSQL|MARIADB|MONGO(?:DB)?|SQL)_(HOST|HOSTNAME|SERVER|PORT|NAME|DB|DBNAME|DATABASE|USER|USERNAME|LOGIN|PASSWORD|PASS|PWD|URL|URI)$/;

const PARTS: Record<string, ConnectionPart> = {
  HOST: 'host', HOSTNAME: 'host', SERVER: 'host', PORT: 'port', NAME: 'database', DB: 'database', DBNAME: 'database', DATABASE: 'database',
  USER: 'user', USERNAME: 'user', LOGIN: 'user', PASSWORD: 'password', PASS: 'password', PWD: 'password', URL: 'url', URI: 'url',
};

/** Reads a `.env` key as a database setting (`POSTGRES_HOST`, `DB_PASSWORD`, `APP_DATABASE_URL`…), or undefined. */
export function databaseKey(key: string): DatabaseKey | undefined {
  const upper = key.toUpperCase();
  if (EXACT[upper]) return EXACT[upper];
  const match = PATTERN.exec(upper);
  if (!match) return undefined;
  return { part: PARTS[match[2]!]!, kind: kindOf(match[1]!) };
}

function kindOf(prefix: string): string | undefined {
  if (/^(POSTGRES|PG|PSQL)/.test(prefix)) return 'postgres';
  if (/^(MYSQL|MARIADB)/.test(prefix)) return 'mysql';
  if (/^MONGO/.test(prefix)) return 'mongodb';
  return undefined;
}

/** The server kind a URL's scheme names (`postgresql+psycopg2://` → postgres), or undefined. */
export function urlKind(value: string): string | undefined {
  const scheme = /^\s*["']?([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) return undefined;
  if (scheme.startsWith('postgres')) return 'postgres';
  if (scheme.startsWith('mysql') || scheme.startsWith('mariadb')) return 'mysql';
  if (scheme.startsWith('mongodb')) return 'mongodb';
  return scheme.startsWith('sqlite') ? 'sqlite' : undefined;
}
