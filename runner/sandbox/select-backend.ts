import { type Localized, t } from '../i18n.js';
import { MsprError } from '../errors.js';
import type { SandboxBackend } from './sandbox.js';

/** The backend chosen for a run, and, when `auto` fell back to local, why (to show the user). */
export interface BackendChoice {
  backend: SandboxBackend;
  /** Set when `auto` did not pick docker: the probe's reason, to print before the run starts. */
  notice?: Localized;
  detail?: string;
}

/**
 * `--sandbox local|docker|auto`. `auto` takes docker when its probe succeeds (engine reachable, runtime image
 * built) and otherwise local, saying why: a candidate without Docker still gets feedback, and an instructor
 * sees that the code ran unconfined. An explicit `docker` that cannot run is an error, never a silent local run.
 */
export async function selectBackend(requested: 'local' | 'docker' | 'auto', backends: { local: SandboxBackend; docker: SandboxBackend }): Promise<BackendChoice> {
  if (requested === 'local') return { backend: backends.local };
  const probe = await backends.docker.probe();
  if (probe.available) return { backend: backends.docker, detail: probe.detail };
  const reason = probe.reason ?? t('raison inconnue', 'unknown reason');
  if (requested === 'docker') {
    throw new MsprError('MSPR_SANDBOX_UNAVAILABLE', t(`Le bac à sable Docker est indisponible : ${reason.fr}`, `The Docker sandbox is unavailable: ${reason.en}`), {
      hint: t('Corrigez la cause ci-dessus, ou lancez avec --sandbox local (code du candidat non isolé).', 'Fix the cause above, or run with --sandbox local (candidate code not isolated).'),
    });
  }
  return {
    backend: backends.local,
    notice: t(
      `Docker indisponible (${reason.fr}) : exécution locale, le code du candidat n'est PAS isolé.`,
      `Docker unavailable (${reason.en}): running locally, the candidate's code is NOT isolated.`,
    ),
  };
}
