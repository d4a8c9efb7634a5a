import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { onShutdown } from '../shutdown.js';
import { MsprError } from '../errors.js';
import { t } from '../i18n.js';
import { latestImage } from '../images/image-lookup.js';
import type { ServiceSpec } from '../../scenarios/scenario.js';
import { DockerClient, statusOf } from '../sandbox/docker/docker-client.js';
import { resourceName, runLabels } from '../sandbox/docker/labels.js';
import type { RunNetworks } from './run-network.js';
import { SERVICE_KINDS } from './service-kinds.js';
import { connectionInfo, serviceEnv, type ConnectionInfo } from './service-connection.js';
import { StreamDemuxer } from '../sandbox/docker/stream-demux.js';
import { waitFor } from './wait-strategies.js';
import { serviceFailure } from './service-failure.js';

/** A started database server of the run. */
export interface ServiceHandle {
  id: string;
  kind: 'postgres' | 'mysql';
  /** For the checks, from the host: 127.0.0.1 and the published port. */
  host: ConnectionInfo;
  /** For the candidate's code, on the run's internal network: the service id as host name. */
  sandbox: ConnectionInfo;
  /** Environment for the candidate's steps (DATABASE_URL, DB_HOST…, MSPR_DB_<ID>_URL). */
  env: Record<string, string>;
  containerId: string;
  startMs: number;
  dispose(): Promise<void>;
}

export interface StartServicesOptions {
  client?: DockerClient;
  /** Per service, from `docker create` to ready (default 90 s). */
  startTimeoutMs?: number;
  memoryMb?: number;
  /** Image per recipe when not the newest mspr-lab build (tests, registries). */
  images?: Partial<Record<'postgres' | 'mariadb', string>>;
}

/**
 * Starts the scenario's server services (postgres, mysql) beside the sandbox, waits until each is ready,
 * and returns how to reach them. sqlite needs no server and is skipped; mongodb has no Debian package in
 * bookworm, so it is refused with a clear error. On any failure, what was started is removed.
 */
export async function startServices(runId: string, services: ServiceSpec[], networks: RunNetworks, options: StartServicesOptions = {}): Promise<ServiceHandle[]> {
  const client = options.client ?? new DockerClient();
  const servers = services.filter((s) => s.kind !== 'sqlite');
  const mongo = servers.find((s) => s.kind === 'mongodb');
  if (mongo) throw serviceFailure(mongo.id, t('MongoDB n’est pas empaqueté par Debian bookworm ; aucune image hors ligne possible.', 'MongoDB is not packaged by Debian bookworm; no offline image is possible.'));
  // In parallel: each server's start is mostly waiting for its own init.
  const started = await Promise.allSettled(servers.map((s) => startOne(client, runId, { ...s, kind: s.kind as 'postgres' | 'mysql' }, networks, options)));
  const handles = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.allSettled(handles.map((h) => h.dispose()));
    throw failed.reason;
  }
  return handles;
}

async function startOne(client: DockerClient, runId: string, service: ServiceSpec & { kind: 'postgres' | 'mysql' }, networks: RunNetworks, options: StartServicesOptions): Promise<ServiceHandle> {
  const kind = SERVICE_KINDS[service.kind];
  const started = Date.now();
  const deadline = started + (options.startTimeoutMs ?? 90_000);
  const image = options.images?.[kind.recipe as 'postgres' | 'mariadb'] ?? (await latestImage(client, kind.recipe))?.tag;
  if (!image) throw serviceFailure(service.id, t(`image ${kind.recipe} absente`, `image ${kind.recipe} missing`), t('Construisez-la : `mspr-lab images build`.', 'Build it: `mspr-lab images build`.'));
  const secret = () => randomBytes(16).toString('hex');
  const credentials = { database: service.database ?? 'mspr', user: 'candidate', password: secret(), adminPassword: secret() };
  const port = `${kind.port}/tcp`;
  const memory = (options.memoryMb ?? 1024) * 2 ** 20;
  const container = await client.call('create service container', (abortSignal) =>
    client.docker.createContainer({
      name: resourceName(runId, `svc-${service.id}-${randomBytes(2).toString('hex')}`),
      Image: image,
      Hostname: service.id,
      Env: [`MSPR_DB_NAME=${credentials.database}`, `MSPR_DB_USER=${credentials.user}`, `MSPR_DB_PASSWORD=${credentials.password}`, `MSPR_ADMIN_PASSWORD=${credentials.adminPassword}`],
      Labels: runLabels(runId, 'service', { 'mspr-lab.service': service.id }),
      ExposedPorts: { [port]: {} },
      Healthcheck: { Test: kind.healthcheck, Interval: 500e6, Timeout: 3e9, Retries: 3, StartPeriod: 60e9 },
      HostConfig: {
        NetworkMode: networks.publish,
        // Only on the host's loopback: nothing beyond this machine can reach the run's databases.
        PortBindings: { [port]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
        Memory: memory,
        MemorySwap: memory,
        PidsLimit: 512,
        CapDrop: ['ALL'],
        SecurityOpt: ['no-new-privileges'],
        ReadonlyRootfs: true,
        Tmpfs: Object.fromEntries(kind.tmpfs.map((dir) => [dir, 'rw,nosuid,nodev,size=1g'])),
        LogConfig: { Type: 'json-file', Config: { 'max-size': '5m' } },
      },
      abortSignal,
    } as Docker.ContainerCreateOptions),
  );
  const dispose = async () => {
    unregister();
    await client.call('remove service', (abortSignal) => container.remove({ force: true, v: true, abortSignal } as Docker.ContainerRemoveOptions)).catch((error) => {
      if (statusOf(error) !== 404 && statusOf(error) !== 409) throw error;
    });
  };
  const unregister = onShutdown(dispose);
  try {
    await client.call('attach service to run network', (abortSignal) =>
      client.docker.getNetwork(networks.internal).connect({ Container: container.id, EndpointConfig: { Aliases: [service.id] }, abortSignal } as object),
    );
    await client.call('start service', (abortSignal) => container.start({ abortSignal }));
    const info = await client.call('inspect service', (abortSignal) => container.inspect({ abortSignal }));
    const hostPort = Number(info.NetworkSettings.Ports[port]?.[0]?.HostPort);
    for (const wait of [...kind.waits, { kind: 'port' as const, host: '127.0.0.1', port: hostPort }]) await waitFor(client, container, wait, deadline);
    const common = { user: credentials.user, password: credentials.password, database: credentials.database };
    const host = connectionInfo(kind.scheme, { ...common, host: '127.0.0.1', port: hostPort });
    const sandbox = connectionInfo(kind.scheme, { ...common, host: service.id, port: kind.port });
    return {
      id: service.id,
      kind: service.kind,
      host,
      sandbox,
      env: serviceEnv(service.id, sandbox, service.kind),
      containerId: container.id,
      startMs: Date.now() - started,
      dispose,
    };
  } catch (error) {
    const logs = await client.call('service logs', () => container.logs({ stdout: true, stderr: true, tail: 20 }), 5_000).catch(() => Buffer.from(''));
    await dispose().catch(() => undefined);
    if (error instanceof MsprError) throw error;
    throw serviceFailure(service.id, t(`non prêt : ${String((error as Error).message)}`, `not ready: ${String((error as Error).message)}`), undefined, lastLogLines(logs));
  }
}

/** The last lines of a container's logs, which come multiplexed (8-byte frame headers per chunk). */
function lastLogLines(logs: Buffer | string): string[] {
  const parts: Buffer[] = [];
  new StreamDemuxer((_stream, payload) => parts.push(payload)).push(Buffer.isBuffer(logs) ? logs : Buffer.from(logs));
  return Buffer.concat(parts).toString('utf8').split('\n').map((line) => line.trim()).filter(Boolean).slice(-20);
}
