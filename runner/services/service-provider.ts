import type { ServiceSpec } from '../../scenarios/scenario.js';
import type { ServiceEndpoint } from '../evidence/db/service-endpoint.js';
import type { Localized } from '../i18n.js';

/** Services started for one run: how the host reaches them, what the candidate's code is told, how to stop them. */
export interface StartedServices {
  endpoints: Map<string, ServiceEndpoint>;
  /** Environment for the candidate's steps, e.g. `DATABASE_URL`, `MSPR_DB_<ID>_URL`. */
  candidateEnv: Record<string, string>;
  /** Docker network the sandbox must join to reach them, when they run in containers. */
  network?: string;
  /** Where the servers came from (docker, local servers), for the report's assumptions. */
  notice?: Localized;
  dispose(): Promise<void>;
}

/** Starts database servers for a run. SQLite needs none: it is a file in the workspace. */
export interface ServiceProvider {
  start(runId: string, services: ServiceSpec[], backend: 'local' | 'docker'): Promise<StartedServices>;
}

/** Used when the scenario declares only SQLite (or nothing): there is nothing to start. */
export const noServices: StartedServices = { endpoints: new Map(), candidateEnv: {}, dispose: async () => {} };
