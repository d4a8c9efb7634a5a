import { randomBytes } from 'node:crypto';
import { removeNetwork } from '../../services/run-network.js';
import type { DockerClient } from './docker-client.js';
import { resourceName, runLabels } from './labels.js';

/**
 * The network of a run that serves the team's app (`SandboxSpec.reachable`): internal (no route out, nothing
 * published) but, unlike the services' network, with the host's address on its bridge, so the runner and the
 * grader's Chromium reach the app at the container's address. The cost: the container can reach what the host
 * listens on at every address (0.0.0.0); the run's databases listen on 127.0.0.1 only. Only the sandbox joins it.
 */
export async function createServeNetwork(client: DockerClient, runId: string): Promise<{ name: string; dispose(): Promise<void> }> {
  const name = resourceName(runId, `serve-${randomBytes(3).toString('hex')}`);
  await client.call('create serve network', (abortSignal) =>
    client.docker.createNetwork({
      Name: name,
      Driver: 'bridge',
      Internal: true,
      CheckDuplicate: true,
      Labels: runLabels(runId, 'network', { 'mspr-lab.network': 'serve' }),
      abortSignal,
    } as Parameters<typeof client.docker.createNetwork>[0]),
  );
  return { name, dispose: () => removeNetwork(client, name) };
}

/** The container's address on that network, as the host reaches it. */
export async function addressOn(client: DockerClient, containerId: string, network: string): Promise<string | undefined> {
  const info = (await client.call('inspect sandbox', () => client.docker.getContainer(containerId).inspect())) as { NetworkSettings?: { Networks?: Record<string, { IPAddress?: string }> } };
  return info.NetworkSettings?.Networks?.[network]?.IPAddress || undefined;
}
