import type Docker from 'dockerode';
import { DockerClient, statusOf } from './sandbox/docker/docker-client.js';
import { managedFilter } from './sandbox/docker/labels.js';
import { removeNetwork } from './services/run-network.js';
import { removeRunFirewallRules } from './sandbox/docker/host-firewall.js';
import { sweepQuotaDisks } from './sandbox/quota/sweep-quota-disks.js';

/** What `mspr-lab cleanup` removed. */
export interface CleanupReport {
  containers: string[];
  networks: string[];
  volumes: string[];
  /** Host firewall rules of serve networks (host-firewall.ts) left by crashed runs. */
  firewallRules: number;
}

/**
 * Removes every container, network and volume labelled `mspr-lab.managed=true` (or only those of one run):
 * the leftovers of runs that crashed or were killed before their disposal ran. Images are kept (rebuilding
 * them takes minutes); `docker image rm` them by hand if needed. Containers go first, since a network with
 * containers attached cannot be removed.
 */
export async function cleanupDocker(options: { runId?: string; client?: DockerClient } = {}): Promise<CleanupReport> {
  const client = options.client ?? new DockerClient();
  const filters = managedFilter(options.runId);
  const report: CleanupReport = { containers: [], networks: [], volumes: [], firewallRules: 0 };

  const containers = await client.call('list containers', (abortSignal) => client.docker.listContainers({ all: true, filters, abortSignal } as Docker.ContainerListOptions));
  for (const info of containers) {
    await ignoreMissing(client.call('remove container', (abortSignal) => client.docker.getContainer(info.Id).remove({ force: true, v: true, abortSignal } as Docker.ContainerRemoveOptions)));
    report.containers.push(info.Names[0]?.replace(/^\//, '') ?? info.Id);
  }
  const networks = await client.call('list networks', () => client.docker.listNetworks({ filters }));
  for (const info of networks) {
    await removeNetwork(client, info.Id);
    report.networks.push(info.Name);
  }
  report.firewallRules = await removeRunFirewallRules(options.runId);
  const volumes = await client.call('list volumes', () => client.docker.listVolumes({ filters }));
  for (const info of volumes.Volumes ?? []) {
    await ignoreMissing(client.call('remove volume', () => client.docker.getVolume(info.Name).remove({ force: true })));
    report.volumes.push(info.Name);
  }
  return report;
}

async function ignoreMissing(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (statusOf(error) !== 404 && statusOf(error) !== 409) throw error;
  }
}

/**
 * Unmounts, detaches and deletes the quota filesystems (runner/sandbox/quota) of runs that crashed or were
 * killed, or only one run's; only loop devices carrying both of mspr-lab's marks are touched, and never the
 * disk of a grade still running. Run it after `cleanupDocker`: a container still holding a filesystem keeps
 * its loop device busy. One line per disk removed, and per disk kept.
 */
export async function cleanupQuotaDisks(options: { runId?: string } = {}): Promise<{ removed: string[]; running: Array<{ image: string; pid: number }> }> {
  const swept = await sweepQuotaDisks(options);
  return {
    removed: swept.filter((disk) => disk.runningPid === undefined).map((disk) => `${disk.device} ${disk.image}${disk.detached ? '' : ' (busy: detaches once freed)'}`),
    running: swept.flatMap((disk) => (disk.runningPid === undefined ? [] : [{ image: disk.image, pid: disk.runningPid }])),
  };
}
