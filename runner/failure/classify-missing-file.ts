import { posix } from 'node:path';
import { t } from '../i18n.js';
import type { FailureContext } from './failure-context.js';
import { gitignoreMatch } from './gitignore-match.js';
import type { PythonError } from './python-error.js';
import type { StepFailure } from './step-failure.js';

const NO_SUCH_FILE = /No such file or directory: '([^']+)'|File (?:b')?'?([^']+?)'? does not exist/;
const DOWNLOAD = /https?:\/\/|urlretrieve|requests\.get|wget|curl|kagglehub|kaggle |gdown|download/i;
const TEXT_FILE = /\.(py|ipynb|md|rst|txt|sh|cfg|toml|ya?ml)$|(^|\/)(Makefile|Dockerfile)$/;
const MAX_SCANNED_BYTES = 2 * 1024 * 1024;

/**
 * A file the code reads and the run does not have. Environment when the repository cannot contain it
 * (git-ignored, or fetched by a download the sandbox cannot make); the team's when it is a wrong path —
 * above all when the repository holds the file under another name or folder.
 */
export function classifyMissingFile(error: PythonError, context: FailureContext, base: Partial<StepFailure>, cwd: string): StepFailure | undefined {
  if (!/FileNotFoundError|OSError|IOError/.test(error.exception.type)) return undefined;
  const match = NO_SUCH_FILE.exec(error.exception.message);
  const raw = match?.[1] ?? match?.[2];
  if (!raw) return undefined;
  const path = repositoryPath(raw, cwd, context.roots);
  if (path === undefined) {
    return {
      ...base, owner: 'candidate', cause: 'file-not-found', file: raw,
      message: t(`Le code lit ${raw}, un chemin absolu hors du dépôt.`, `The code reads ${raw}, an absolute path outside the repository.`),
      hint: t('Utilisez un chemin relatif au dépôt (ou $MSPR_DATASETS_DIR pour les données du scénario).', 'Use a path relative to the repository (or $MSPR_DATASETS_DIR for the scenario’s data).'),
    };
  }
  const elsewhere = sameNameElsewhere(path, context);
  if (elsewhere) {
    return {
      ...base, owner: 'candidate', cause: 'file-not-found', file: path,
      message: t(`Le code lit ${path}, absent ; le dépôt contient ${elsewhere}.`, `The code reads ${path}, which is missing; the repository has ${elsewhere}.`),
      hint: t(`Corrigez le chemin (ou le nom) dans le code pour lire ${elsewhere}.`, `Fix the path (or name) in the code so that it reads ${elsewhere}.`),
    };
  }
  const ignored = gitignoreMatch(context.workspace, path);
  if (ignored) {
    return {
      ...base, owner: 'environment', cause: 'data-missing', file: path,
      message: t(`Le code lit ${path}, que le dépôt ne contient pas : ${ignored.gitignore} l’exclut (« ${ignored.pattern} »).`, `The code reads ${path}, which the repository does not contain: ${ignored.gitignore} excludes it ("${ignored.pattern}").`),
      hint: t('L’équipe doit versionner ce fichier (ou un échantillon), ou le correcteur le fournir comme jeu de données du scénario (datasetsDir dans mspr.yaml).', 'The team should commit this file (or a sample), or the grader hand it over as a scenario dataset (datasetsDir in mspr.yaml).'),
    };
  }
  const download = downloadedBy(path, context);
  if (download) {
    return {
      ...base, owner: 'environment', cause: 'data-missing', file: path,
      message: t(`Le code lit ${path}, que le dépôt ne contient pas : ${download} le télécharge, ce que le bac à sable (sans réseau) ne permet pas.`, `The code reads ${path}, which the repository does not contain: ${download} downloads it, which the sandbox (no network) cannot do.`),
      hint: t('L’équipe doit versionner les données (ou un échantillon) ; le correcteur peut aussi les fournir comme jeu de données du scénario.', 'The team should commit the data (or a sample); the grader can also hand it over as a scenario dataset.'),
    };
  }
  return {
    ...base, owner: 'candidate', cause: 'file-not-found', file: path,
    message: t(`Le code lit ${path}, qui n’existe pas dans le dépôt et qu’aucune étape n’a produit.`, `The code reads ${path}, which does not exist in the repository and which no step produced.`),
    hint: t('Versionnez ce fichier, ou corrigez le chemin, ou lancez d’abord l’étape qui le produit (mspr.yaml, run:).', 'Commit this file, fix the path, or run first the step that produces it (mspr.yaml, run:).'),
  };
}

/** The path relative to the repository, or undefined for an absolute path outside it. */
function repositoryPath(raw: string, cwd: string, roots: string[]): string | undefined {
  if (raw.startsWith('/')) {
    const root = roots.find((r) => r && raw.startsWith(`${r}/`));
    return root ? posix.normalize(raw.slice(root.length + 1)) : undefined;
  }
  const joined = posix.normalize(posix.join(cwd || '.', raw));
  return joined.startsWith('../') ? undefined : joined;
}

/** A file with the same name in another folder, or the same name in another case, anywhere in the repository. */
function sameNameElsewhere(path: string, context: FailureContext): string | undefined {
  const base = posix.basename(path).toLowerCase();
  const stem = base.replace(/\.[^.]+$/, '');
  const files = context.workspace.list();
  return (
    files.find((file) => file !== path && posix.basename(file).toLowerCase() === base) ??
    files.find((file) => file !== path && stem.length >= 4 && posix.basename(file).toLowerCase().replace(/\.[^.]+$/, '') === stem && /\.(csv|xlsx?|json|parquet|txt|db|sqlite3?)$/i.test(file))
  );
}

/** The file (and line) of the repository that names this file beside a download (URL, urlretrieve, kagglehub…). */
function downloadedBy(path: string, context: FailureContext): string | undefined {
  const name = posix.basename(path);
  let scanned = 0;
  for (const file of context.workspace.list().filter((f) => TEXT_FILE.test(f))) {
    let text: string;
    try {
      const bytes = context.workspace.readBytes(file);
      scanned += bytes.length;
      if (bytes.length > 512 * 1024 || scanned > MAX_SCANNED_BYTES) continue;
      text = bytes.toString('utf8');
    } catch {
      continue;
    }
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      if (!line.includes(name)) continue;
      const around = lines.slice(Math.max(0, index - 3), index + 4).join('\n');
      if (DOWNLOAD.test(around)) return `${file}:${index + 1}`;
    }
  }
  return undefined;
}
