import { onShutdown } from '../shutdown.js';
import { type DockerClient, statusOf } from '../sandbox/docker/docker-client.js';
import { resourceName, runLabels } from '../sandbox/docker/labels.js';

/**
 * The two networks of a run that has services.
 * - `internal`: the candidate's container and the services. `Internal` (no route out) and, because on
 *   Docker 20.10 an internal bridge still carries a host address the container can reach (any host service
 *   listening on 0.0.0.0), created with `inhibit_ipv4`: the host gets no address on it at all.
 * - `publish`: the services only, so their ports can be published on the host's 127.0.0.1 (an internal
 *   network cannot publish ports). The candidate is never attached to it.
 */
export interface RunNetworks {
  internal: string;
  publish: string;
  dispose(): Promise<void>;
}

export async function createRunNetworks(client: DockerClient, runId: string): Promise<RunNetworks> {
  const suffix = Math.random().toString(16).slice(2, 8);
  const internal = resourceName(runId, `net-${suffix}`);
  const publish = resourceName(runId, `pub-${suffix}`);
  const created: string[] = [];
  const dispose = async () => {
    unregister();
    for (const name of created.reverse()) await removeNetwork(client, name);
  };
  const unregister = onShutdown(dispose);
  try {
    await client.call('create internal network', (abortSignal) =>
      client.docker.createNetwork({
        Name: internal,
        Driver: 'bridge',
        Internal: true,
        CheckDuplicate: true,
        Options: { 'com.docker.network.bridge.inhibit_ipv4': 'true' },
        Labels: runLabels(runId, 'network', { 'mspr-lab.network': 'internal' }),
        abortSignal,
      } as Parameters<typeof client.docker.createNetwork>[0]),
    );
    created.push(internal);
    await client.call('create publish network', (abortSignal) =>
      client.docker.createNetwork({
        Name: publish,
        Driver: 'bridge',
        CheckDuplicate: true,
        Labels: runLabels(runId, 'network', { 'mspr-lab.network': 'publish' }),
        abortSignal,
      } as Parameters<typeof client.docker.createNetwork>[0]),
    );
    created.push(publish);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { internal, publish, dispose };
}

/** Disconnects whatever is still attached (a crashed step's container), then removes the network. */
export async function removeNetwork(client: DockerClient, name: string): Promise<void> {
  const network = client.docker.getNetwork(name);
  try {
    const info = await client.call('inspect network', () => network.inspect());
    for (const id of Object.keys((info as { Containers?: Record<string, unknown> }).Containers ?? {})) {
      await client.call('disconnect', () => network.disconnect({ Container: id, Force: true })).catch(() => undefined);
    }
    await client.call('remove network', (abortSignal) => network.remove({ abortSignal } as object));
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}
