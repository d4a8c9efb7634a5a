import { posix } from 'node:path';
import type Docker from 'dockerode';
import { onShutdown } from '../../shutdown.js';
import { MsprError } from '../../errors.js';
import { t, type Localized } from '../../i18n.js';
import type { ExecOptions, ExecResult, Sandbox, SandboxSpec } from '../sandbox.js';
import { DOCKER_VENV_PATH, venvEnvironment, venvPython } from '../../environment/venv-activation.js';
import { BASE_ENV, CONTAINER_PATHS, CONTAINER_PYTHON } from './container-spec.js';
import { copyOut, type MountedFolder } from './copy-out.js';
import { type DockerClient, statusOf } from './docker-client.js';
import { type ExecTarget, runExec } from './exec-runner.js';
import { oomBetween } from './oom-events.js';
import { handOverNewFolders, type SandboxUser } from './sandbox-user.js';
import { withQuotaOutcome } from './quota-outcome.js';
import type { WorkspaceQuota } from './workspace-quota.js';

/** Settings of a started docker sandbox that are not in the scenario. */
export interface DockerSandboxSettings {
  user: SandboxUser;
  killGraceMs: number;
  outputCapBytes: number;
  /** The workspace quota (its filesystem or the fallback watch), released with the sandbox. */
  quota: WorkspaceQuota;
  /** The network the host reaches a served app on (serve-network.ts), removed with the container. */
  serveNetwork?: { name: string; dispose(): Promise<void> };
}

/** One submission's container. Every step is an `exec` in it; `dispose` removes it whatever happened. */
export class DockerSandbox implements Sandbox {
  readonly backend = 'docker';
  readonly isolated = true;
  readonly paths = { ...CONTAINER_PATHS };
  readonly python: string;
  readonly notice: Localized | undefined;
  /** Set by the backend once started, when the spec said `reachable`. */
  hostAddress: string | undefined;
  /** Set instead of `hostAddress` when the app must not be reached (the host could not be closed to it). */
  unreachable: Localized | undefined;
  private stopped: Promise<void> | undefined;
  private disposed: Promise<void> | undefined;
  private readonly unregister: () => void;
  private readonly target: ExecTarget;
  /** The venv's activation (PATH, VIRTUAL_ENV, JUPYTER_PATH) when the run has one. */
  private readonly venvEnv: Record<string, string>;

  constructor(
    private readonly client: DockerClient,
    readonly container: Docker.Container,
    private readonly spec: SandboxSpec,
    private readonly settings: DockerSandboxSettings,
  ) {
    this.notice = settings.quota.notice;
    this.unregister = onShutdown(() => this.dispose());
    this.python = spec.venv ? venvPython(DOCKER_VENV_PATH) : CONTAINER_PYTHON;
    this.venvEnv = spec.venv ? venvEnvironment(DOCKER_VENV_PATH, BASE_ENV.PATH!) : {};
    this.target = {
      client,
      container,
      user: `${settings.user.uid}:${settings.user.gid}`,
      killGraceMs: settings.killGraceMs,
      outputCapBytes: settings.outputCapBytes,
      killContainer: () => this.restart(),
      oomSince: (since, until) => oomBetween(client, container.id, since, until),
    };
  }

  async exec(argv: string[], options: ExecOptions): Promise<ExecResult> {
    if (this.disposed || this.stopped) throw new MsprError('MSPR_INTERNAL', t('Bac à sable déjà libéré.', 'Sandbox already disposed.'));
    // Trace folders are made before the start (runner/steps/run-steps.ts); one a caller made since, owned by
    // root, is handed over by descriptor alone. Never a recursive chown here: the candidate's code has run.
    handOverNewFolders(this.settings.user, this.spec.traceDir);
    const run = () =>
      runExec(this.target, argv, {
        ...options,
        workdir: this.workdir(options.cwd),
        env: { ...BASE_ENV, ...this.venvEnv, ...this.spec.env, ...options.env },
        watchers: this.settings.quota.watchers(),
      });
    let result: ExecResult;
    try {
      result = await run();
    } catch (error) {
      // 409 "container is not running": a previous step got it stopped (e.g. the OOM killer chose its init).
      // The workspace is on the host, so starting it again loses nothing.
      if (statusOf(error) !== 409) throw error;
      await this.client.call('restart sandbox', (abortSignal) => this.container.start({ abortSignal }));
      result = await run();
    }
    // After the exec, so a writer that filled the disk and exited between two passes of a watch is reported.
    // Never fails the step: the result is what matters, the check after it only adds to it.
    return withQuotaOutcome(result, await this.settings.quota.afterExec().catch(() => undefined));
  }

  copyOut(sandboxPath: string, hostPath: string): Promise<void> {
    const mounts: MountedFolder[] = [
      { container: CONTAINER_PATHS.workspace, host: this.spec.workspaceDir },
      { container: CONTAINER_PATHS.trace, host: this.spec.traceDir },
    ];
    if (this.spec.tracerDir) mounts.push({ container: CONTAINER_PATHS.tracer, host: this.spec.tracerDir });
    if (this.spec.datasetsDir) mounts.push({ container: CONTAINER_PATHS.datasets, host: this.spec.datasetsDir });
    return copyOut(this.client, this.container, mounts, sandboxPath, hostPath);
  }

  /** Removes the container; the workspace and trace stay on the host (on the quota filesystem) for the checks. */
  stop(): Promise<void> {
    this.stopped ??= this.remove();
    return this.stopped;
  }

  /** Removes the container, then gives the quota filesystem back, even when the removal failed. */
  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      this.unregister();
      // A failed `stop()` was already thrown to its caller; only a failure of this call's own removal is new.
      const reported = this.stopped !== undefined;
      const removal = await this.stop().then(() => undefined, (error: unknown) => error);
      await this.settings.quota.release(this.spec.keepFiles ?? false);
      if (removal && !reported) throw removal;
    })();
    return this.disposed;
  }

  private async remove(): Promise<void> {
    await this.removeContainer();
    await this.settings.serveNetwork?.dispose();
  }

  private async removeContainer(): Promise<void> {
    try {
      // force: SIGKILL, so a process ignoring SIGTERM cannot delay the removal; v: anonymous volumes too.
      await this.client.call('remove sandbox container', (abortSignal) =>
        this.container.remove({ force: true, v: true, abortSignal } as Docker.ContainerRemoveOptions),
      );
    } catch (error) {
      if (statusOf(error) === 404) return; // already gone (removed by `mspr-lab cleanup`, or never started)
      if (statusOf(error) === 409) return; // removal already in progress
      throw error;
    }
  }

  /**
   * Kills every process of the container by killing its init (the kernel then kills the whole PID namespace)
   * and starts it again, so later steps still have a sandbox. Used when killing an exec's tree did not work.
   */
  private async restart(): Promise<void> {
    try {
      await this.client.call('kill sandbox', (abortSignal) => this.container.kill({ signal: 'SIGKILL', abortSignal }));
    } catch (error) {
      if (statusOf(error) !== 409) throw error; // 409: already stopped
    }
    await this.client.call('wait sandbox', (abortSignal) => this.container.wait({ abortSignal }));
    await this.client.call('restart sandbox', (abortSignal) => this.container.start({ abortSignal }));
  }

  private workdir(cwd: string | undefined): string {
    const dir = posix.resolve(CONTAINER_PATHS.workspace, cwd ?? '.');
    if (dir !== CONTAINER_PATHS.workspace && !dir.startsWith(`${CONTAINER_PATHS.workspace}/`)) {
      throw new MsprError('MSPR_USAGE', t(`Dossier de travail hors de l'espace de travail : ${cwd}`, `Working directory outside the workspace: ${cwd}`));
    }
    return dir;
  }
}
