import { t, type Localized } from '../../i18n.js';
import type { DiskQuotaOutcome } from '../sandbox.js';
import type { UsageUnmeasurable } from './disk-usage.js';

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/** The watch ended the step: the folders hold more than the quota allows. */
export function stoppedOverQuota(usedBytes: number, limitBytes: number): Localized {
  return t(
    `arrêté : ${mib(usedBytes)} Mio écrits dans l'espace de travail, limite ${mib(limitBytes)} Mio`,
    `stopped: ${mib(usedBytes)} MiB written in the workspace, limit ${mib(limitBytes)} MiB`,
  );
}

/** The watch ended the step: what the step wrote could not be measured, so the quota could not be held. */
export function stoppedUnmeasurable(error: UsageUnmeasurable | Error, root?: string): Localized {
  const where = describeFault(error, root);
  return t(
    `arrêté : l'espace de travail ne peut pas être mesuré (${where}), le quota disque ne peut donc pas être tenu`,
    `stopped: the workspace cannot be measured (${where}), so the disk quota cannot be held`,
  );
}

/** Said after a step whose quota check found something (appended to stderr, like a stop reason). */
export function outcomeText(outcome: DiskQuotaOutcome, detail?: string): Localized {
  const [used, limit] = [mib(outcome.usedBytes ?? 0), mib(outcome.limitBytes)];
  if (outcome.state === 'reached') {
    return t(
      `quota disque atteint : l'espace de travail est plein (${used} Mio écrits, limite ${limit} Mio), les écritures suivantes ont été refusées (ENOSPC)`,
      `disk quota reached: the workspace is full (${used} MiB written, limit ${limit} MiB), further writes were refused (ENOSPC)`,
    );
  }
  if (outcome.state === 'exceeded') {
    return t(
      `quota disque dépassé : ${used} Mio écrits dans l'espace de travail, limite ${limit} Mio (mesuré à la fin de l'étape)`,
      `disk quota passed: ${used} MiB written in the workspace, limit ${limit} MiB (measured when the step ended)`,
    );
  }
  return t(
    `quota disque non vérifiable : l'espace de travail ne peut pas être mesuré${detail ? ` (${detail})` : ''}`,
    `disk quota not verifiable: the workspace cannot be measured${detail ? ` (${detail})` : ''}`,
  );
}

/** The report's sandbox notice when the quota is a watch rather than a filesystem of its own. */
export function watchFallbackNotice(reason: Localized): Localized {
  return t(
    `Quota disque approximatif : l'espace de travail n'a pas pu être placé sur un système de fichiers de la taille du quota (${reason.fr}). ` +
      "Une surveillance mesure l'espace de travail pendant et après chaque étape ; un programme rapide peut dépasser le quota de ce qu'il écrit entre deux mesures.",
    `Approximate disk quota: the workspace could not be placed on a filesystem of the quota's size (${reason.en}). ` +
      'A watch measures the workspace during and after each step; a fast program can pass the quota by what it writes between two measurements.',
  );
}

export function describeFault(error: UsageUnmeasurable | Error, root?: string): string {
  if ('errorCode' in error) {
    const path = root && error.path.startsWith(`${root}/`) ? error.path.slice(root.length + 1) : error.path;
    // A path past PATH_MAX is the usual culprit: its ends say enough.
    return `${error.errorCode}: ${path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-40)}` : path}`;
  }
  return error.message;
}
