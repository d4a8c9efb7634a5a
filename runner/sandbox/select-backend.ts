import type { SandboxBackendName } from '../../scenarios/scenario.js';
import { MsprError } from '../errors.js';
import { t, type Localized } from '../i18n.js';
import { LocalBackend } from './local-backend.js';
import type { SandboxBackend } from './sandbox.js';

/** Loaded lazily: the docker client (dockerode) is only needed when docker is asked for or probed. */
const loadDockerBackend = async (): Promise<SandboxBackend> => {
  const { DockerBackend } = await import('./docker/docker-backend.js');
  return new DockerBackend();
};

/**
 * Picks the backend. `auto` prefers docker (isolation) and, when its probe fails, falls back to local and
 * says why; an explicit `docker` that cannot run is an error with the probe's advice.
 */
export async function selectBackend(requested: SandboxBackendName): Promise<{ backend: SandboxBackend; notice?: Localized }> {
  if (requested === 'local') return { backend: new LocalBackend() };
  const docker = await loadDockerBackend();
  const probe = await docker.probe();
  if (probe.available) return { backend: docker };
  if (requested === 'docker') {
    throw new MsprError('MSPR_SANDBOX_UNAVAILABLE', t('Le bac à sable docker est indisponible.', 'The docker sandbox is unavailable.'), {
      details: probe.reason ? [probe.reason.en] : [],
      hint:
        probe.reason ??
        t(
          'Installez et démarrez Docker. (--sandbox local n’isole rien : seulement pour votre propre dépôt, jamais pour du code non fiable.)',
          'Install and start Docker. (--sandbox local isolates nothing: only for your own repository, never for untrusted code.)',
        ),
    });
  }
  return {
    backend: new LocalBackend(),
    notice: t(
      `Docker indisponible (${probe.reason?.fr ?? 'raison inconnue'}) : repli sur le bac à sable local.`,
      `Docker unavailable (${probe.reason?.en ?? 'unknown reason'}): falling back to the local sandbox.`,
    ),
  };
}
