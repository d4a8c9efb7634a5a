import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { packagePath } from '../paths.js';
import { onShutdown } from '../shutdown.js';
import { CONTAINER_PYTHON } from '../sandbox/docker/container-spec.js';
import { type DockerClient, statusOf } from '../sandbox/docker/docker-client.js';
import { resourceName, runLabels } from '../sandbox/docker/labels.js';
import { chooseSandboxUser, prepareWritableFolders } from '../sandbox/docker/sandbox-user.js';
import type { SandboxLimits } from '../sandbox/sandbox.js';
import { driverFailure, driverSpec, type DriverResult, type InstallJob, type Installer } from './installer.js';
import { pipArguments, pipEnvironment } from './pip-invocation.js';
import { DOCKER_VENV_PATH } from './venv-activation.js';

/** Mount points of the install container (the venv's is the sandbox's too: a venv holds absolute paths). */
const IO = '/opt/mspr/env-io';
const DRIVER = '/opt/mspr/env-driver';
const WHEELHOUSE = '/opt/mspr/wheelhouse';

/**
 * Installs in a container of its own from the runtime image, before the sandbox exists: the only container
 * of a run that may get network access, and only when an index URL is set (to reach it); otherwise its
 * network is `none` and the wheel folder is mounted read-only. It runs no code of the team's: binary wheels
 * only install files (unless `--allow-sdist`). Same lock-down as the sandbox otherwise.
 */
export class DockerInstaller implements Installer {
  readonly kind = 'docker' as const;

  constructor(
    private readonly client: DockerClient,
    readonly image: string,
    private readonly limits: Pick<SandboxLimits, 'memoryMb' | 'cpus' | 'pids'>,
  ) {}

  async identity(): Promise<Record<string, string>> {
    const info = await this.client.call('inspect image', (abortSignal) => this.client.docker.getImage(this.image).inspect({ abortSignal } as object));
    return { image: info.Id };
  }

  /** From the image's `mspr-lab.packages` label: the packages it was built with (their dependencies are not listed). */
  async missingDebianPackages(packages: string[]): Promise<string[]> {
    const info = await this.client.call('inspect image', (abortSignal) => this.client.docker.getImage(this.image).inspect({ abortSignal } as object));
    const built = new Set((info.Config?.Labels?.['mspr-lab.packages'] ?? '').split(' ').map((item) => item.split('=')[0]!));
    return packages.filter((name) => !built.has(name));
  }

  venvPath(): string {
    return DOCKER_VENV_PATH;
  }

  async run(job: InstallJob): Promise<DriverResult> {
    const user = chooseSandboxUser();
    const unreadable = job.source.wheelhouse && (await unreadableBy(job.source.wheelhouse, user));
    if (unreadable) return driverFailure(`the wheel folder is not readable by the install container's user (uid ${user.uid}): ${unreadable}; make it readable (chmod -R a+rX)`);
    await mkdir(join(job.ioDir, 'home'), { recursive: true });
    const spec = driverSpec(job, { venv: DOCKER_VENV_PATH, io: IO, wheelhouse: job.source.wheelhouse ? WHEELHOUSE : undefined }, pipArguments);
    await writeFile(join(job.ioDir, 'spec.json'), JSON.stringify(spec));
    await prepareWritableFolders(user, [job.venvHostDir, job.ioDir]);
    const container = await this.client.call('create install container', (abortSignal) =>
      this.client.docker.createContainer({ ...this.containerSpec(job, user), abortSignal }),
    );
    const remove = () =>
      this.client.call('remove install container', (abortSignal) => container.remove({ force: true, v: true, abortSignal } as Docker.ContainerRemoveOptions)).catch((error) => {
        if (statusOf(error) !== 404 && statusOf(error) !== 409) throw error;
      });
    const unregister = onShutdown(remove);
    let failure: string | undefined;
    try {
      await this.client.call('start install container', (abortSignal) => container.start({ abortSignal }));
      const exit = await this.client.call('wait for the install', (abortSignal) => container.wait({ abortSignal }), (job.timeoutSec + 60) * 1000);
      if (exit.StatusCode !== 0) failure = `install container exited with ${exit.StatusCode}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    } finally {
      await remove();
      unregister();
    }
    try {
      return JSON.parse(await readFile(join(job.ioDir, 'result.json'), 'utf8')) as DriverResult;
    } catch {
      return driverFailure(failure ?? 'the install container wrote no result');
    }
  }

  private containerSpec(job: InstallJob, user: { uid: number; gid: number }): Docker.ContainerCreateOptions {
    const withNetwork = Boolean(job.source.indexUrl);
    const mounts: Docker.MountSettings[] = [
      { Type: 'bind', Source: job.venvHostDir, Target: DOCKER_VENV_PATH, ReadOnly: false },
      { Type: 'bind', Source: job.ioDir, Target: IO, ReadOnly: false },
      { Type: 'bind', Source: packagePath('runner', 'environment', 'python'), Target: DRIVER, ReadOnly: true },
    ];
    if (job.source.wheelhouse) mounts.push({ Type: 'bind', Source: job.source.wheelhouse, Target: WHEELHOUSE, ReadOnly: true });
    const memory = Math.round(this.limits.memoryMb * 2 ** 20);
    return {
      name: resourceName(job.runId, `install-${randomBytes(3).toString('hex')}`),
      Image: this.image,
      User: `${user.uid}:${user.gid}`,
      Cmd: [CONTAINER_PYTHON, '-B', `${DRIVER}/install_requirements.py`, `${IO}/spec.json`],
      WorkingDir: IO,
      Env: Object.entries(pipEnvironment(`${IO}/home`, withNetwork)).map(([name, value]) => `${name}=${value}`),
      Labels: runLabels(job.runId, 'install'),
      HostConfig: {
        Init: true,
        // Bridge reaches a mirror on the school's network; nothing else of the run is on it.
        NetworkMode: withNetwork ? 'bridge' : 'none',
        Memory: memory,
        MemorySwap: memory,
        NanoCpus: Math.round(this.limits.cpus * 1e9),
        PidsLimit: Math.max(64, this.limits.pids),
        CapDrop: ['ALL'],
        SecurityOpt: ['no-new-privileges'],
        ReadonlyRootfs: true,
        Tmpfs: { '/tmp': 'rw,nosuid,nodev,size=64m,mode=1777' },
        Mounts: mounts,
        LogConfig: { Type: 'none', Config: {} },
      },
    };
  }
}

/** A bind mount keeps host permissions: the folder and its wheels must be readable by the container's uid. */
async function unreadableBy(folder: string, user: { uid: number; gid: number }): Promise<string | undefined> {
  const readable = async (path: string, bits: { owner: number; group: number; other: number }) => {
    const stats = await stat(path);
    if (user.uid === 0) return true;
    const mode = stats.uid === user.uid ? bits.owner : stats.gid === user.gid ? bits.group : bits.other;
    return (stats.mode & mode) === mode;
  };
  if (!(await readable(folder, { owner: 0o500, group: 0o050, other: 0o005 }))) return folder;
  for (const name of await readdir(folder)) {
    if (name.endsWith('.whl') && !(await readable(join(folder, name), { owner: 0o400, group: 0o040, other: 0o004 }))) return join(folder, name);
  }
  return undefined;
}
