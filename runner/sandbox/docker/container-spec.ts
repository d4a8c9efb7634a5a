import type Docker from 'dockerode';
import { DOCKER_VENV_PATH } from '../../environment/venv-activation.js';
import type { SandboxSpec } from '../sandbox.js';
import { runLabels } from './labels.js';
import { keeperUid, type SandboxUser } from './sandbox-user.js';

const MiB = 1024 * 1024;

/** Where things are inside the container (the contract in runner/sandbox/sandbox.ts relies on these). */
export const CONTAINER_PATHS = {
  workspace: '/workspace',
  datasets: '/datasets',
  trace: '/mspr/trace',
  tracer: '/opt/mspr/tracer',
} as const;

export const CONTAINER_PYTHON = '/usr/bin/python3';

/** Docker-only limits the scenario does not express; defaults suit an exam dataset and a laptop. */
export interface DockerLimits {
  /** Size of the writable /tmp (tmpfs, counted in the container's memory). */
  tmpSizeMb: number;
  /** Most the candidate may write into the workspace and trace folders (the largest file, and in total). */
  workspaceQuotaMb: number;
}

export const DEFAULT_DOCKER_LIMITS: DockerLimits = { tmpSizeMb: 512, workspaceQuotaMb: 2048 };

/** Environment every exec starts from: HOME and caches point at the tmpfs because the root is read-only. */
export const BASE_ENV: Record<string, string> = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: '/tmp',
  USER: 'mspr',
  LOGNAME: 'mspr',
  LANG: 'C.UTF-8',
  MPLCONFIGDIR: '/tmp/.matplotlib',
};

/**
 * The container that holds one submission. It only sleeps: every step is an `exec` (as the candidate's
 * user), so one container serves all the steps of a run and `dispose` removes it whatever the steps did.
 */
export function sandboxContainerSpec(
  spec: SandboxSpec,
  options: { image: string; name: string; user: SandboxUser; limits: DockerLimits; serveNetwork?: string },
): Docker.ContainerCreateOptions {
  const { limits } = options;
  const mounts: Docker.MountSettings[] = [
    { Type: 'bind', Source: spec.workspaceDir, Target: CONTAINER_PATHS.workspace, ReadOnly: false },
    { Type: 'bind', Source: spec.traceDir, Target: CONTAINER_PATHS.trace, ReadOnly: false },
  ];
  if (spec.tracerDir) mounts.push({ Type: 'bind', Source: spec.tracerDir, Target: CONTAINER_PATHS.tracer, ReadOnly: true });
  if (spec.datasetsDir) mounts.push({ Type: 'bind', Source: spec.datasetsDir, Target: CONTAINER_PATHS.datasets, ReadOnly: true });
  // The team's venv, built at this very path by the install container; read-only, so no run changes it for the next.
  if (spec.venv) mounts.push({ Type: 'bind', Source: spec.venv.hostDir, Target: DOCKER_VENV_PATH, ReadOnly: true });
  const memory = Math.round(spec.limits.memoryMb * MiB);
  const quota = limits.workspaceQuotaMb * MiB;
  // The run's service network when there is one: it is internal (no route out, no host address), and a
  // scenario that declares services but forgot `network: services` would otherwise never reach its database.
  // A run that serves its app and has no services: the serve network (serve-network.ts) from the start,
  // since a container on `none` can join no other network later.
  const network = spec.serviceNetwork ?? options.serveNetwork ?? 'none';
  return {
    name: options.name,
    Image: options.image,
    // The container's own processes run as a third uid; each step's exec sets the candidate's user.
    User: `${keeperUid(options.user.uid)}:${keeperUid(options.user.uid)}`,
    Cmd: ['sleep', 'infinity'],
    WorkingDir: CONTAINER_PATHS.workspace,
    Env: Object.entries(BASE_ENV).map(([k, v]) => `${k}=${v}`),
    Hostname: 'sandbox',
    Labels: runLabels(spec.runId, 'sandbox'),
    HostConfig: {
      // docker-init as PID 1 reaps orphans, so killed process trees do not linger as zombies.
      Init: true,
      NetworkMode: network,
      Memory: memory,
      // Equal to Memory: no swap, so an allocation past the limit is an OOM kill, not minutes of thrashing.
      MemorySwap: memory,
      NanoCpus: Math.round(spec.limits.cpus * 1e9),
      PidsLimit: spec.limits.pids,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': `rw,nosuid,nodev,size=${limits.tmpSizeMb}m,mode=1777` },
      ShmSize: 64 * MiB,
      Mounts: mounts,
      // A single file may not exceed the workspace quota; the disk watch (disk-watch.ts) bounds the total.
      Ulimits: [
        { Name: 'fsize', Soft: quota, Hard: quota },
        { Name: 'core', Soft: 0, Hard: 0 },
        { Name: 'nofile', Soft: 4096, Hard: 4096 },
      ],
      IpcMode: 'private',
      LogConfig: { Type: 'none', Config: {} },
    },
  };
}
