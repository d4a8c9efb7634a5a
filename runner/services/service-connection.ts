import { commonDatabaseEnv } from './database-env-names.js';

/** How to reach one database: the same account from two places (host checks, candidate container). */
export interface ConnectionInfo {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** SQLAlchemy-ready URL (`postgresql://…`, `mysql+pymysql://…`), also fine for pandas `to_sql`. */
  url: string;
}

/**
 * The environment a candidate's code reads to find a service: the common names for its kind
 * (`DATABASE_URL`, `DB_*`, libpq's `PG*`, `POSTGRES_*`, `MYSQL_*`: see database-env-names.ts), and
 * `MSPR_DB_<ID>_URL` (e.g. `MSPR_DB_WAREHOUSE_URL`), which disambiguates when a scenario has several servers.
 * When there are several, the runner decides which one the common names point at (the first).
 */
export function serviceEnv(id: string, info: ConnectionInfo, kind: string): Record<string, string> {
  return {
    ...commonDatabaseEnv(kind, info),
    [`MSPR_DB_${id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`]: info.url,
  };
}

/** Connection details plus the SQLAlchemy URL built from them, for a driver scheme (`postgresql`, `mysql+pymysql`). */
export function connectionInfo(scheme: string, parts: Omit<ConnectionInfo, 'url'>): ConnectionInfo {
  return { ...parts, url: `${scheme}://${parts.user}:${parts.password}@${parts.host}:${parts.port}/${parts.database}` };
}

/**
 * Adds one service's variables to the candidate's environment. The first service keeps the generic names
 * (`DATABASE_URL`, `DB_*`); every service has its own `MSPR_DB_<ID>_URL`.
 */
export function addServiceEnv(target: Record<string, string>, env: Record<string, string>): void {
  for (const [key, value] of Object.entries(env)) if (!(key in target)) target[key] = value;
}
