import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type Docker from 'dockerode';
import { MsprError } from '../../errors.js';
import { t } from '../../i18n.js';
import { latestImage } from '../../images/image-lookup.js';
import { DEFAULT_OUTPUT_CAP_BYTES } from '../output-capture.js';
import type { ProbeResult, Sandbox, SandboxBackend, SandboxSpec } from '../sandbox.js';
import { DEFAULT_DOCKER_LIMITS, type DockerLimits, sandboxContainerSpec } from './container-spec.js';
import { DockerClient } from './docker-client.js';
import { DockerSandbox } from './docker-sandbox.js';
import { resourceName } from './labels.js';
import { chooseSandboxUser, prepareWritableFolders } from './sandbox-user.js';
import { addressOn, createServeNetwork } from './serve-network.js';
import { type DiskQuotaMode, diskQuotaModeFrom, provideWorkspaceQuota } from './workspace-quota.js';

/** Options of the docker backend that scenarios do not set (CLI flags, tests, benchmarks). */
export interface DockerBackendOptions {
  client?: DockerClient;
  /** Image for every sandbox when the scenario names none (default: the newest `mspr-lab/python` built). */
  image?: string;
  limits?: Partial<DockerLimits>;
  /** Between SIGTERM and SIGKILL when a step runs out of time (default 2 s). */
  killGraceMs?: number;
  outputCapBytes?: number;
  /** How the workspace quota is held (default `MSPR_DISK_QUOTA`, else `auto`); see workspace-quota.ts. */
  diskQuota?: DiskQuotaMode;
  /** How often the fallback watch measures the workspace during a step (default 500 ms). */
  diskCheckMs?: number;
  /** Bound on the engine answering the probe (default 3 s): `--sandbox auto` must decide quickly. */
  probeTimeoutMs?: number;
}

/** Runs each submission in its own locked-down container (see docs/docker.md). */
export class DockerBackend implements SandboxBackend {
  readonly name = 'docker';
  readonly client: DockerClient;

  constructor(private readonly options: DockerBackendOptions = {}) {
    this.client = options.client ?? new DockerClient();
  }

  async probe(): Promise<ProbeResult> {
    let detail: string;
    try {
      const version = await this.client.call('version', (abortSignal) => engineVersion(this.client, abortSignal), this.options.probeTimeoutMs ?? 3_000);
      detail = `Docker ${version.Version} (API ${version.ApiVersion})`;
    } catch (error) {
      const text = error instanceof MsprError ? error.text : t(String(error), String(error));
      const why = t(text.fr.replace(/\.$/, ''), text.en.replace(/\.$/, ''));
      return {
        available: false,
        reason: t(
          `moteur Docker injoignable (${why.fr}) ; démarrez dockerd ou vérifiez DOCKER_HOST`,
          `Docker engine unreachable (${why.en}); start dockerd or check DOCKER_HOST`,
        ),
      };
    }
    if (!this.options.image && !(await latestImage(this.client, 'python').catch(() => undefined))) {
      return {
        available: false,
        detail,
        reason: t(
          "aucune image d'exécution mspr-lab ; construisez-la avec `mspr-lab images build`",
          'no mspr-lab runtime image; build it with `mspr-lab images build`',
        ),
      };
    }
    return { available: true, detail };
  }

  /** The image a sandbox (and the run's install container) uses: the scenario's, the backend's, else the newest built. */
  async resolveImage(requested?: string): Promise<string> {
    return requested ?? this.options.image ?? (await this.defaultImage());
  }

  async start(spec: SandboxSpec): Promise<Sandbox> {
    const image = await this.resolveImage(spec.image);
    await requireFolders([spec.workspaceDir]);
    // The tracer and datasets are optional mounts: a missing folder is as if it were empty (Python ignores a
    // PYTHONPATH entry that does not exist), rather than a run that cannot start.
    spec = { ...spec, tracerDir: (await isFolder(spec.tracerDir)) ? spec.tracerDir : '', datasetsDir: spec.datasetsDir && (await isFolder(spec.datasetsDir)) ? spec.datasetsDir : undefined };
    const user = chooseSandboxUser();
    // The scenario's `sandbox.diskMb` when it sets one, else the backend's (2 GiB by default).
    const limits = { ...DEFAULT_DOCKER_LIMITS, ...this.options.limits, ...(spec.limits.diskMb ? { workspaceQuotaMb: spec.limits.diskMb } : {}) };
    const quotaMb = limits.workspaceQuotaMb;
    // Before the hand-over to the sandbox user: the folders' contents move onto the quota filesystem first.
    const quota = await provideWorkspaceQuota({
      runId: spec.runId,
      folders: [spec.workspaceDir, spec.traceDir],
      quotaBytes: quotaMb * 2 ** 20,
      mode: this.options.diskQuota ?? diskQuotaModeFrom(process.env.MSPR_DISK_QUOTA),
      checkMs: this.options.diskCheckMs ?? 500,
    });
    let container: Docker.Container;
    let serve: Awaited<ReturnType<typeof createServeNetwork>> | undefined;
    try {
      await prepareWritableFolders(user, [spec.workspaceDir, spec.traceDir]);
      if (spec.reachable) serve = await createServeNetwork(this.client, spec.runId);
      const name = resourceName(spec.runId, `sandbox-${randomBytes(3).toString('hex')}`);
      container = await this.client.call('create sandbox container', (abortSignal) =>
        this.client.docker.createContainer({ ...sandboxContainerSpec(spec, { image, name, user, limits, serveNetwork: serve?.name }), abortSignal }),
      );
      if (serve && spec.serviceNetwork) {
        const network = this.client.docker.getNetwork(serve.name);
        await this.client.call('connect serve network', () => network.connect({ Container: container.id }));
      }
    } catch (error) {
      await serve?.dispose().catch(() => undefined);
      await quota.release(spec.keepFiles ?? false).catch(() => undefined);
      throw error;
    }
    const sandbox = new DockerSandbox(this.client, container, spec, {
      user,
      killGraceMs: this.options.killGraceMs ?? 2_000,
      outputCapBytes: this.options.outputCapBytes ?? DEFAULT_OUTPUT_CAP_BYTES,
      quota,
      ...(serve ? { serveNetwork: serve } : {}),
    });
    try {
      await this.client.call('start sandbox container', (abortSignal) => container.start({ abortSignal }));
      if (serve?.refused) sandbox.unreachable = serve.refused;
      else if (serve) sandbox.hostAddress = await addressOn(this.client, container.id, serve.name);
    } catch (error) {
      await sandbox.dispose().catch(() => undefined);
      throw error;
    }
    return sandbox;
  }

  private async defaultImage(): Promise<string> {
    const found = await latestImage(this.client, 'python');
    if (found) return found.tag;
    throw new MsprError('MSPR_SANDBOX_UNAVAILABLE', t("Aucune image d'exécution mspr-lab dans Docker.", 'No mspr-lab runtime image in Docker.'), {
      hint: t('Construisez-la : `mspr-lab images build` (hors ligne, depuis les paquets Debian).', 'Build it: `mspr-lab images build` (offline, from Debian packages).'),
    });
  }
}

/** Docker would otherwise answer a missing bind source with a cryptic "invalid mount config". */
async function requireFolders(folders: string[]): Promise<void> {
  for (const folder of folders) {
    if (!(await isFolder(folder))) {
      throw new MsprError('MSPR_SANDBOX_FAILED', t(`Dossier introuvable pour le bac à sable : ${folder}`, `Folder not found for the sandbox: ${folder}`));
    }
  }
}

async function isFolder(path: string): Promise<boolean> {
  return Boolean(path) && (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

/** dockerode accepts an abort signal for `version` but its types do not say so. */
function engineVersion(client: DockerClient, abortSignal: AbortSignal): Promise<{ Version: string; ApiVersion: string }> {
  const version = client.docker.version as unknown as (opts: { abortSignal: AbortSignal }) => Promise<{ Version: string; ApiVersion: string }>;
  return version.call(client.docker, { abortSignal });
}
