import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceKind } from '../../scenarios/scenario.js';
import type { DbInspector } from '../../runner/evidence/db/db-inspector.js';
import { openInspector } from '../../runner/evidence/db/open-inspector.js';
import type { ServiceEndpoint } from '../../runner/evidence/db/service-endpoint.js';
import { LocalServiceProvider } from '../../runner/services/local-service-provider.js';
import { localServicesEnv } from './database-servers.js';

/** A fresh, empty database of one kind, reachable for SQL set-up, and the runner's inspector over it. */
export interface ScratchDatabase {
  endpoint: ServiceEndpoint;
  /** Runs statements with the candidate's account (SQL kinds only). */
  exec(statements: string[]): Promise<void>;
  inspect(): Promise<DbInspector>;
  dispose(): Promise<void>;
}

let counter = 0;

/** Creates one through the local service provider (servers) or as a temporary file (SQLite). */
export async function scratchDatabase(kind: ServiceKind): Promise<ScratchDatabase> {
  if (kind === 'sqlite') {
    const path = join(mkdtempSync(join(tmpdir(), 'mspr-sqlite-')), 'scratch.db');
    const endpoint: ServiceEndpoint = { serviceId: 'db', kind, path };
    return {
      endpoint,
      async exec(statements) {
        const db = new Database(path);
        for (const sql of statements) db.exec(sql);
        db.close();
      },
      inspect: () => openInspector(endpoint, `sqlite:${path}`),
      dispose: async () => {},
    };
  }
  const started = await new LocalServiceProvider(localServicesEnv()).start(`scratch-${process.pid}-${++counter}`, [{ id: 'db', kind }], 'local');
  const endpoint = started.endpoints.get('db')!;
  return {
    endpoint,
    async exec(statements) {
      if (kind === 'postgres') {
        const { default: pg } = await import('pg');
        const client = new pg.Client({ host: endpoint.host, port: endpoint.port, user: endpoint.user, password: endpoint.password, database: endpoint.database });
        await client.connect();
        for (const sql of statements) await client.query(sql);
        await client.end();
      } else if (kind === 'mysql') {
        const mysql = await import('mysql2/promise');
        const connection = await mysql.createConnection({ host: endpoint.host, port: endpoint.port, user: endpoint.user, password: endpoint.password, database: endpoint.database, multipleStatements: true });
        for (const sql of statements) await connection.query(sql);
        await connection.end();
      } else {
        throw new Error('exec is for SQL databases');
      }
    },
    inspect: () => openInspector(endpoint, `${kind}:${endpoint.database}`),
    dispose: () => started.dispose(),
  };
}
