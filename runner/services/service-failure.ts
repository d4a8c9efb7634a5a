import { CLEANUP_THIS_RUN, MsprError } from '../errors.js';
import { type Localized, t } from '../i18n.js';

/** `MSPR_SERVICE_FAILED` naming the service, with what to do and the server's last log lines. */
export function serviceFailure(id: string, why: Localized, hint?: Localized, logs: string[] = []): MsprError {
  return new MsprError('MSPR_SERVICE_FAILED', t(`Service « ${id} » : ${why.fr}`, `Service "${id}": ${why.en}`), {
    details: logs,
    hint:
      hint ??
      t(
        `Voir les dernières lignes du serveur ci-dessus ; vérifiez la mémoire disponible et relancez. \`${CLEANUP_THIS_RUN}\` retire les restes de ce passage.`,
        `See the server’s last lines above; check available memory and run again. \`${CLEANUP_THIS_RUN}\` removes this run’s leftovers.`,
      ),
  });
}
