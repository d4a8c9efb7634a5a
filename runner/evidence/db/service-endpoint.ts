import type { ServiceKind } from '../../../scenarios/scenario.js';

/**
 * How the runner (on the host) reaches a service after the run. For SQLite it is a file in the workspace;
 * for servers it is a port published on 127.0.0.1.
 */
export interface ServiceEndpoint {
  serviceId: string;
  kind: ServiceKind;
  /** Absolute host path of a SQLite file. */
  path?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  /** Full connection URL when the kind needs more than host/port/user (MongoDB: auth source, replica set). */
  url?: string;
}
