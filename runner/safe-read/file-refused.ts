import { MsprError } from '../errors.js';
import { type Localized, t } from '../i18n.js';
import { formatBytes } from '../evidence/read-bounded-text.js';
import { limitSetting, type ReadLimits } from './read-limits.js';

/** Why the grader would not read a candidate's file. */
export type RefusalReason = 'outside' | 'link-outside' | 'link' | 'link-loop' | 'special' | 'folder' | 'too-large' | 'changed';

/** The folder a path was read from, as messages name it ("outside the repository"). */
export interface FolderLabel {
  inside: Localized;
  outside: Localized;
}

export const REPOSITORY: FolderLabel = { inside: t('dans le dépôt', 'in the repository'), outside: t('hors du dépôt', 'outside the repository') };
export const DATASETS: FolderLabel = { inside: t('dans les jeux de données', 'in the datasets'), outside: t('hors des jeux de données', 'outside the datasets') };
export const TRACE_FOLDER: FolderLabel = { inside: t('dans le dossier de trace', 'in the trace folder'), outside: t('hors du dossier de trace', 'outside the trace folder') };

/** What the refusal is about, beyond the path: the link's text, the file's kind, its size and cap. */
export interface RefusalFacts {
  target?: string;
  special?: 'fifo' | 'socket' | 'device' | 'other';
  size?: number;
  limit?: number;
  kind?: keyof ReadLimits;
}

/**
 * A candidate's file the grader refused to read, and why. Checks let it through: the runner turns it into
 * an `error` verdict whose message names the file, the reason and what to do (checks/run-check.ts).
 */
export class FileRefusedError extends MsprError {
  constructor(
    readonly path: string,
    readonly reason: RefusalReason,
    readonly folder: FolderLabel,
    readonly facts: RefusalFacts = {},
  ) {
    const { text, hint } = describe(path, reason, folder, facts);
    super('MSPR_FILE_REFUSED', text, { hint, details: [`${path}: ${reason}`] });
    this.name = 'FileRefusedError';
  }
}

const SPECIAL: Record<NonNullable<RefusalFacts['special']>, Localized> = {
  fifo: t('un tube nommé (FIFO)', 'a named pipe (FIFO)'),
  socket: t('une socket', 'a socket'),
  device: t('un périphérique', 'a device'),
  other: t("un fichier d'un type spécial", 'a special file'),
};

const KIND: Record<keyof ReadLimits, Localized> = {
  textBytes: t('les fichiers texte (README, dépendances, JSON, code, notebooks)', 'text files (README, dependencies, JSON, code, notebooks)'),
  dataBytes: t('les sources de données', 'data sources'),
  databaseBytes: t('les bases SQLite', 'SQLite databases'),
  traceBytes: t('les fichiers de trace', 'trace files'),
  imageBytes: t('les figures enregistrées (PNG, JPEG)', 'saved figures (PNG, JPEG)'),
};

function describe(path: string, reason: RefusalReason, folder: FolderLabel, facts: RefusalFacts): { text: Localized; hint: Localized } {
  const target = facts.target ?? '?';
  switch (reason) {
    case 'outside':
      return {
        text: t(`Chemin refusé : « ${path} » mène ${folder.outside.fr}.`, `Path refused: "${path}" leads ${folder.outside.en}.`),
        hint: t('Donnez un chemin relatif qui reste à l’intérieur (sans « .. » qui remonte au-dessus).', 'Give a relative path that stays inside (no ".." climbing above it).'),
      };
    case 'link-outside':
      return {
        text: t(
          `Fichier refusé : « ${path} » est un lien symbolique qui mène ${folder.outside.fr} (vers ${target}) ; le correcteur ne suit pas ce lien.`,
          `File refused: "${path}" is a symbolic link leading ${folder.outside.en} (to ${target}); the grader does not follow it.`,
        ),
        hint: t(`Écrivez un vrai fichier à cet emplacement, ${folder.inside.fr}, plutôt qu’un lien.`, `Write a real file at that path, ${folder.inside.en}, rather than a link.`),
      };
    case 'link':
      return {
        text: t(
          `Fichier refusé : « ${path} » est un lien symbolique (vers ${target}) ; ${folder.inside.fr}, le correcteur ne lit que des fichiers ordinaires.`,
          `File refused: "${path}" is a symbolic link (to ${target}); ${folder.inside.en}, the grader reads only regular files.`,
        ),
        hint: t('Ne remplacez pas ces fichiers par des liens : le traceur les écrit lui-même.', 'Do not replace these files with links: the tracer writes them itself.'),
      };
    case 'link-loop':
      return {
        text: t(`Fichier refusé : « ${path} » passe par trop de liens symboliques (une boucle ?).`, `File refused: "${path}" goes through too many symbolic links (a loop?).`),
        hint: t('Remplacez ces liens par de vrais fichiers ou dossiers.', 'Replace these links with real files or folders.'),
      };
    case 'special': {
      const kind = SPECIAL[facts.special ?? 'other'];
      return {
        text: t(`Fichier refusé : « ${path} » est ${kind.fr}, pas un fichier ordinaire ; le correcteur ne l’ouvre pas.`, `File refused: "${path}" is ${kind.en}, not a regular file; the grader does not open it.`),
        hint: t('Écrivez un fichier ordinaire à cet emplacement.', 'Write a regular file at that path.'),
      };
    }
    case 'folder':
      return {
        text: t(`Fichier refusé : « ${path} » est un dossier, un fichier était attendu.`, `File refused: "${path}" is a folder where a file was expected.`),
        hint: t('Écrivez un fichier à cet emplacement.', 'Write a file at that path.'),
      };
    case 'too-large': {
      const kind = KIND[facts.kind ?? 'textBytes'];
      const size = formatBytes(facts.size ?? 0);
      const limit = formatBytes(facts.limit ?? 0);
      const setting = limitSetting(facts.kind ?? 'textBytes');
      return {
        text: t(
          `Fichier refusé : « ${path} » fait ${size} (taille apparente), au-delà de la limite de ${limit} pour ${kind.fr} ; il n’est pas lu.`,
          `File refused: "${path}" is ${size} (apparent size), over the ${limit} limit for ${kind.en}; it is not read.`,
        ),
        hint: t(`Réduisez le fichier, ou relevez la limite (${setting}, en Mio ; voir le README).`, `Make the file smaller, or raise the limit (${setting}, in MiB; see the README).`),
      };
    }
    case 'changed':
      return {
        text: t(`Fichier refusé : « ${path} » a été remplacé pendant que le correcteur l’ouvrait.`, `File refused: "${path}" was replaced while the grader was opening it.`),
        hint: t('Aucun processus ne doit modifier les fichiers une fois les étapes terminées.', 'No process may change the files once the steps are over.'),
      };
  }
}
