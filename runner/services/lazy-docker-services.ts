import type { ServiceSpec } from '../../scenarios/scenario.js';
import type { ServiceProvider, StartedServices } from './service-provider.js';

/**
 * The default service provider for the CLI: database servers run as Docker containers. dockerode is only
 * loaded when a scenario actually declares a server, so `--help` and SQLite-only runs never load it.
 */
export const lazyDockerServices: ServiceProvider = {
  async start(runId: string, services: ServiceSpec[], backend: 'local' | 'docker'): Promise<StartedServices> {
    const { DockerServiceProvider } = await import('./docker-service-provider.js');
    return new DockerServiceProvider().start(runId, services, backend);
  },
};
