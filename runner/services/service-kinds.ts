import type { ImageRecipeName } from '../images/image-lookup.js';
import type { WaitStrategy } from './wait-strategies.js';

/** How to run one kind of database server from mspr-lab's Debian-built images. */
export interface ServiceKindDefinition {
  recipe: ImageRecipeName;
  /** Port inside the container (on the run's internal network). */
  port: number;
  /** Folders on tmpfs: data is throwaway, fast, and never lands on the host's disk (the entrypoints keep
   * everything under /tmp, whose image mode 1777 the tmpfs inherits). */
  tmpfs: string[];
  /** SQLAlchemy URL scheme for a driver present in the runtime image (psycopg2, PyMySQL). */
  scheme: string;
  healthcheck: string[];
  /** All must pass, in order. The port is the host side (published), added by start-services.ts. */
  waits: WaitStrategy[];
  /** Admin account on the server (the candidate gets its own, non-admin one). */
  adminUser: string;
}

export const SERVICE_KINDS: Record<'postgres' | 'mysql', ServiceKindDefinition> = {
  postgres: {
    recipe: 'postgres',
    port: 5432,
    tmpfs: ['/tmp'],
    scheme: 'postgresql',
    healthcheck: ['CMD', 'pg_isready', '-q', '-h', '127.0.0.1', '-p', '5432'],
    // Printed once, after our init: the entrypoint never runs a temporary server, so no false positive.
    waits: [{ kind: 'log', pattern: /database system is ready to accept connections/ }, { kind: 'health' }],
    adminUser: 'postgres',
  },
  mysql: {
    recipe: 'mariadb',
    port: 3306,
    tmpfs: ['/tmp'],
    scheme: 'mysql+pymysql',
    healthcheck: ['CMD', 'mariadb-admin', 'ping', '--silent', '-h', '127.0.0.1', '-P', '3306'],
    // Bootstrap mode logs nothing to the client: the only "ready for connections" is the real server's.
    waits: [{ kind: 'log', pattern: /ready for connections/ }, { kind: 'health' }],
    adminUser: 'root',
  },
};
