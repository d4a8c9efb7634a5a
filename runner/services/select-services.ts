import type { ServiceSpec } from '../../scenarios/scenario.js';
import { t } from '../i18n.js';
import type { ServiceProvider, StartedServices } from './service-provider.js';

/** Where the run's database servers come from: containers, servers already running here, or the best available. */
export type ServicesChoice = 'docker' | 'local' | 'auto';

/**
 * The CLI's provider for `--services`. `auto` uses docker when its engine answers and its database images
 * are built (and always when the candidate runs in docker, which cannot reach the host), otherwise the
 * local servers when their admin URLs are set. The choice is stated in the report's assumptions.
 */
export function selectServices(choice: ServicesChoice): ServiceProvider {
  return {
    async start(runId: string, services: ServiceSpec[], backend: 'local' | 'docker'): Promise<StartedServices> {
      const { LocalServiceProvider } = await import('./local-service-provider.js');
      const local = new LocalServiceProvider();
      let use: 'docker' | 'local' = choice === 'auto' ? 'docker' : choice;
      let why = '';
      if (choice === 'auto' && backend === 'local') {
        const docker = await dockerServicesReady(services);
        if (!docker.ready && local.missing(services).length === 0) {
          use = 'local';
          why = docker.reason;
        }
      }
      const started = use === 'local' ? await local.start(runId, services, backend) : await new (await import('./docker-service-provider.js')).DockerServiceProvider().start(runId, services, backend);
      const kinds = services.map((s) => s.kind).join(', ');
      const notice =
        use === 'local'
          ? t(`Bases (${kinds}) sur les serveurs locaux déjà démarrés (--services local${why ? ` ; docker : ${why}` : ''}), une base neuve par exécution.`, `Databases (${kinds}) on the local servers already running (--services local${why ? `; docker: ${why}` : ''}), a fresh database per run.`)
          : t(`Bases (${kinds}) dans des conteneurs docker (--services docker).`, `Databases (${kinds}) in docker containers (--services docker).`);
      return { ...started, notice };
    },
  };
}

/** Whether the docker engine answers and has an image for every server kind needed. */
async function dockerServicesReady(services: ServiceSpec[]): Promise<{ ready: boolean; reason: string }> {
  try {
    const { DockerClient } = await import('../sandbox/docker/docker-client.js');
    const { latestImage } = await import('../images/image-lookup.js');
    // A bounded probe: `auto` must decide in seconds even when the engine hangs.
    const client = new DockerClient({ callTimeoutMs: 3_000 });
    const { SERVICE_KINDS } = await import('./service-kinds.js');
    if (services.some((s) => s.kind === 'mongodb')) return { ready: false, reason: 'no MongoDB image' };
    const recipes = new Set(services.flatMap((s) => (s.kind === 'postgres' || s.kind === 'mysql' ? [SERVICE_KINDS[s.kind].recipe] : [])));
    for (const recipe of recipes) {
      const image = await latestImage(client, recipe);
      if (!image) return { ready: false, reason: `no ${recipe} image (mspr-lab images build)` };
    }
    return { ready: true, reason: '' };
  } catch (error) {
    return { ready: false, reason: `engine unreachable (${(error as Error).message})` };
  }
}
