import { expect } from 'vitest';
import type { DockerClient } from '../../runner/sandbox/docker/docker-client.js';
import { LABEL_RUN } from '../../runner/sandbox/docker/labels.js';
import { loopDevices, mounts } from '../../runner/sandbox/quota/kernel-state.js';
import { runTag } from '../../runner/sandbox/quota/quota-marks.js';

/** Run ids a test file created; its `afterAll` asserts none of them left anything in the engine. */
export class RunTracker {
  readonly runIds: string[] = [];

  track<T extends { runId: string }>(spec: T): T {
    this.runIds.push(spec.runId);
    return spec;
  }

  /** Containers, networks and volumes still labelled with one of the tracked run ids, and their quota disks
   * (loop devices and mounts: `losetup -a` and /proc/self/mountinfo). */
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
      const loops = loopDevices().filter((loop) => loop.backingFile.includes(`/${runTag(runId)}.`));
      const held = new Set(loops.map((loop) => loop.majorMinor));
      found.push(
        ...loops.map((loop) => `loop device ${loop.device} (${loop.backingFile})`),
        ...mounts().filter((entry) => held.has(entry.majorMinor)).map((entry) => `mount ${entry.mountPoint}`),
      );
    }
    return found;
  }

  async expectNoLeftovers(client: DockerClient): Promise<void> {
    expect(await this.leftovers(client)).toEqual([]);
  }
}
