import { expect } from 'vitest';
import type { DockerClient } from '../../runner/sandbox/docker/docker-client.js';
import { LABEL_RUN } from '../../runner/sandbox/docker/labels.js';

/** Run ids a test file created; its `afterAll` asserts none of them left anything in the engine. */
export class RunTracker {
  readonly runIds: string[] = [];

  track<T extends { runId: string }>(spec: T): T {
    this.runIds.push(spec.runId);
    return spec;
  }

  /** Containers, networks and volumes still labelled with one of the tracked run ids. */
  async leftovers(client: DockerClient): Promise<string[]> {
    const found: string[] = [];
    for (const runId of this.runIds) {
      const filters = { label: [`${LABEL_RUN}=${runId}`] };
      const containers = await client.docker.listContainers({ all: true, filters });
      const networks = await client.docker.listNetworks({ filters });
      const volumes = await client.docker.listVolumes({ filters });
      found.push(
        ...containers.map((c) => `container ${c.Names[0]}`),
        ...networks.map((n) => `network ${n.Name}`),
        ...(volumes.Volumes ?? []).map((v) => `volume ${v.Name}`),
      );
    }
    return found;
  }

  async expectNoLeftovers(client: DockerClient): Promise<void> {
    expect(await this.leftovers(client)).toEqual([]);
  }
}
