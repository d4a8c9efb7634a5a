import Docker from 'dockerode';
import { CLEANUP_THIS_RUN, MsprError } from '../../errors.js';
import { type Lang, t } from '../../i18n.js';
import { formatNumber } from '../../i18n/format.js';

/** How long one ordinary daemon call (inspect, create, remove…) may take before mspr-lab gives up on it. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/**
 * A dockerode client whose every call is bounded. A hung daemon (full disk, stuck containerd) otherwise hangs
 * the whole grading run with no message; here it becomes an `MSPR_SANDBOX_FAILED` that names the call.
 */
export class DockerClient {
  readonly docker: Docker;
  readonly callTimeoutMs: number;

  constructor(options: { docker?: Docker; callTimeoutMs?: number } = {}) {
    // Without options dockerode follows DOCKER_HOST, else the local socket, as the docker CLI does.
    this.docker = options.docker ?? new Docker();
    this.callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  }

  /**
   * Runs one daemon call with a deadline. `fn` receives an AbortSignal to hand to dockerode (`abortSignal`
   * option) so the HTTP request is really cancelled, not just forgotten.
   */
  async call<T>(what: string, fn: (signal: AbortSignal) => Promise<T>, timeoutMs = this.callTimeoutMs): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(daemonTimeout(what, timeoutMs));
      }, timeoutMs);
    });
    try {
      return await Promise.race([fn(controller.signal), deadline]);
    } catch (error) {
      if (error instanceof MsprError) throw error;
      throw daemonError(what, error);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** HTTP status of a dockerode error (404 for a missing container, 409 for a conflict…), if any. */
export function statusOf(error: unknown): number | undefined {
  const cause = error instanceof MsprError ? error.cause : error;
  const status = (cause as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function daemonTimeout(what: string, ms: number): MsprError {
  // Seconds in each language's notation (`0,3 s` in French), one decimal as before.
  const sec = (lang: Lang) => `${formatNumber(ms / 1000, lang, { maxDigits: 1 })} s`;
  return new MsprError(
    'MSPR_SANDBOX_FAILED',
    t(`Docker n'a pas répondu en ${sec('fr')} (appel \`${what}\`).`, `Docker did not answer within ${sec('en')} (call \`${what}\`).`),
    {
      hint: t(
        `Vérifiez que le démon Docker fonctionne (\`docker info\`), que le disque n’est pas plein, puis relancez ; \`${CLEANUP_THIS_RUN}\` retire les restes de ce passage.`,
        `Check that the Docker daemon works (\`docker info\`) and the disk is not full, then run again; \`${CLEANUP_THIS_RUN}\` removes this run’s leftovers.`,
      ),
    },
  );
}

function daemonError(what: string, error: unknown): MsprError {
  const message = error instanceof Error ? error.message : String(error);
  const unreachable = /ENOENT|ECONNREFUSED|EACCES|connect/i.test(message);
  return new MsprError(
    unreachable ? 'MSPR_SANDBOX_UNAVAILABLE' : 'MSPR_SANDBOX_FAILED',
    t(`Échec de l'appel Docker \`${what}\` : ${message}`, `Docker call \`${what}\` failed: ${message}`),
    {
      cause: error,
      hint: unreachable
        ? t(
            'Démarrez Docker (`dockerd`), vérifiez les droits sur /var/run/docker.sock, puis relancez. (--sandbox local n’isole rien : seulement pour votre propre dépôt, jamais pour du code non fiable.)',
            'Start Docker (`dockerd`), check access to /var/run/docker.sock, then run again. (--sandbox local isolates nothing: only for your own repository, never for untrusted code.)',
          )
        : undefined,
    },
  );
}
