import { randomBytes } from 'node:crypto';
import type { Localized } from '../../i18n.js';
import { removeNetwork } from '../../services/run-network.js';
import type { DockerClient } from './docker-client.js';
import { closeHostToBridge } from './host-firewall.js';
import { resourceName, runLabels } from './labels.js';

/** A run's serve network; `refused` says why the app must not be reached on it (the host could not be closed). */
export interface ServeNetwork {
  name: string;
  refused?: Localized;
  dispose(): Promise<void>;
}

/**
 * The network of a run that serves the team's app (`SandboxSpec.reachable`): internal (no route out, nothing
 * published) but, unlike the services' network, with the host's address on its bridge, so the runner and the
 * grader's Chromium reach the app at the container's address. That address would let the container reach what the
 * host listens on at every address (0.0.0.0), so the host's firewall rejects every connection the bridge opens
 * (host-firewall.ts); when it cannot, the network is still made (the pipeline runs as usual) but the app is not
 * served on it. Only the sandbox joins it.
 */
export async function createServeNetwork(client: DockerClient, runId: string): Promise<ServeNetwork> {
  const suffix = randomBytes(3).toString('hex');
  const name = resourceName(runId, `serve-${suffix}`);
  // Named by us (≤ 15 characters, the kernel's limit), so the firewall rule can name it before any container joins.
  const bridge = `msprsv-${suffix}`;
  await client.call('create serve network', (abortSignal) =>
    client.docker.createNetwork({
      Name: name,
      Driver: 'bridge',
      Internal: true,
      CheckDuplicate: true,
      Options: { 'com.docker.network.bridge.name': bridge },
      Labels: runLabels(runId, 'network', { 'mspr-lab.network': 'serve' }),
      abortSignal,
    } as Parameters<typeof client.docker.createNetwork>[0]),
  );
  const closure = await closeHostToBridge(bridge, runId);
  return {
    name,
    ...(closure.closed ? {} : { refused: closure.reason }),
    async dispose() {
      try {
        await removeNetwork(client, name);
      } finally {
        if (closure.closed) await closure.dispose();
      }
    },
  };
}

/** The container's address on that network, as the host reaches it. */
export async function addressOn(client: DockerClient, containerId: string, network: string): Promise<string | undefined> {
  const info = (await client.call('inspect sandbox', () => client.docker.getContainer(containerId).inspect())) as { NetworkSettings?: { Networks?: Record<string, { IPAddress?: string }> } };
  return info.NetworkSettings?.Networks?.[network]?.IPAddress || undefined;
}
