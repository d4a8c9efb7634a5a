import type { ServiceSpec } from '../../scenarios/scenario.js';
import type { ServiceEndpoint } from '../evidence/db/service-endpoint.js';
import { DockerClient } from '../sandbox/docker/docker-client.js';
import { createRunNetworks } from './run-network.js';
import type { ServiceProvider, StartedServices } from './service-provider.js';
import { addServiceEnv, serviceEnv } from './service-connection.js';
import { type StartServicesOptions, startServices } from './start-services.js';

/**
 * Runs the scenario's database servers as containers, whichever backend runs the candidate's code:
 * - docker sandbox: the candidate joins the run's internal network and reaches `<service id>:<port>`;
 * - local sandbox: the candidate is on the host and reaches the published 127.0.0.1 port, like the checks.
 */
export class DockerServiceProvider implements ServiceProvider {
  private readonly client: DockerClient;

  constructor(private readonly options: StartServicesOptions = {}) {
    this.client = options.client ?? new DockerClient();
  }

  async start(runId: string, services: ServiceSpec[], backend: 'local' | 'docker'): Promise<StartedServices> {
    const networks = await createRunNetworks(this.client, runId);
    let handles;
    try {
      handles = await startServices(runId, services, networks, { ...this.options, client: this.client });
    } catch (error) {
      await networks.dispose().catch(() => undefined);
      throw error;
    }
    const endpoints = new Map<string, ServiceEndpoint>();
    const candidateEnv: Record<string, string> = {};
    for (const handle of handles) {
      const { host } = handle;
      endpoints.set(handle.id, { serviceId: handle.id, kind: handle.kind, host: host.host, port: host.port, user: host.user, password: host.password, database: host.database });
      const env = backend === 'docker' ? handle.env : serviceEnv(handle.id, host, handle.kind);
      addServiceEnv(candidateEnv, env);
    }
    return {
      endpoints,
      candidateEnv,
      network: backend === 'docker' ? networks.internal : undefined,
      dispose: async () => {
        await Promise.allSettled(handles.map((h) => h.dispose()));
        await networks.dispose();
      },
    };
  }
}
