import type { ConnectionInfo } from '../service-connection.js';

/** A database and an account created for one run on a server that was already running. */
export interface LocalDatabase {
  connection: ConnectionInfo;
  /** Connection URL for MongoDB (which needs the auth source); undefined for SQL kinds. */
  nativeUrl?: string;
  /** Drops the database and the account; safe to call twice. */
  drop(): Promise<void>;
}

/** Names safe to splice into DDL: the run's own, lower-case letters, digits and `_` only. */
export function runNames(serviceId: string, suffix: string): { database: string; user: string } {
  const base = `mspr_${serviceId.replace(/[^a-z0-9_]/g, '_')}_${suffix}`.slice(0, 60);
  return { database: base, user: `${base}_u`.slice(0, 63) };
}
