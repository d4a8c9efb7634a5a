import { MsprError } from '../errors.js';
import { type Localized, t } from '../i18n.js';

/** The option that chose the folder, so the hint names what to change. */
export type OutputOption = '--out' | '--work-dir';

/**
 * `MSPR_OUTPUT_UNWRITABLE`: mspr-lab cannot write where it was told to (reports, run folders). The reason is
 * an errno code (`ENOSPC`, `ENOTDIR`, `EACCES`…) or `PSEUDO_FS`; the message says it in words and the hint
 * what to do.
 */
export function outputUnwritable(path: string, reason: string, option: OutputOption, cause?: unknown): MsprError {
  return new MsprError('MSPR_OUTPUT_UNWRITABLE', why(path, reason), { hint: hint(reason, option), details: [`${reason}: ${path}`], cause });
}

function why(path: string, reason: string): Localized {
  switch (reason) {
    case 'ENOSPC':
    case 'EDQUOT':
      return t(`Le disque qui contient ${path} est plein : rien n’a pu y être écrit.`, `The disk holding ${path} is full: nothing could be written there.`);
    case 'ENOTDIR':
    case 'EEXIST':
      return t(`${path} est un fichier, pas un dossier.`, `${path} is a file, not a folder.`);
    case 'EACCES':
    case 'EPERM':
      return t(`Pas le droit d’écrire dans ${path}.`, `No permission to write in ${path}.`);
    case 'EROFS':
      return t(`${path} est sur un système de fichiers en lecture seule.`, `${path} is on a read-only file system.`);
    case 'PSEUDO_FS':
      return t(`${path} est dans /proc, /sys ou /dev, où mspr-lab n’écrit pas.`, `${path} is under /proc, /sys or /dev, where mspr-lab does not write.`);
    default:
      return t(`Impossible d’écrire dans ${path} (${reason}).`, `Cannot write in ${path} (${reason}).`);
  }
}

function hint(reason: string, option: OutputOption): Localized {
  if (reason === 'ENOSPC' || reason === 'EDQUOT') {
    return t(`Libérez de la place sur ce disque, ou choisissez un autre dossier avec ${option}.`, `Free some space on that disk, or choose another folder with ${option}.`);
  }
  return t(
    `Donnez avec ${option} un dossier où vous pouvez écrire (il est créé s’il n’existe pas).`,
    `Give ${option} a folder you can write to (it is created when missing).`,
  );
}
