import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { MsprError } from '../errors.js';
import { formatBytes, MAX_DESCRIPTOR_BYTES, readBoundedText } from '../evidence/read-bounded-text.js';
import { t } from '../i18n.js';
import { manifestPathProblems } from './manifest-paths.js';
import { packagePath } from '../paths.js';
import { compileSchema, formatSchemaErrors } from '../schema-validation.js';

/** A candidate repository's own `mspr.yaml`: where its entry points, datasets and outputs are. */
export interface CandidateManifest {
  run?: Array<string | string[]>;
  datasetsDir?: string;
  databases?: Record<string, string>;
  outputs?: Record<string, string>;
  team?: string[];
}

export const MANIFEST_FILES = ['mspr.yaml', 'mspr.yml', 'mspr.json'];

const validateManifest = compileSchema<CandidateManifest>(
  JSON.parse(readFileSync(packagePath('runner/submission/candidate-manifest.schema.json'), 'utf8')),
);

/** Reads the repository's manifest when it has one; an invalid one is an error the candidate must fix. */
export function readCandidateManifest(workspaceDir: string): { manifest: CandidateManifest; file: string } | undefined {
  const file = MANIFEST_FILES.find((name) => existsSync(join(workspaceDir, name)));
  if (!file) return undefined;
  let content: unknown;
  try {
    content = parseYaml(readManifestText(join(workspaceDir, file), file));
  } catch (error) {
    if (error instanceof MsprError) throw error;
    throw new MsprError(
      'MSPR_SUBMISSION_UNREADABLE',
      { fr: `${file} n'est pas un YAML valide : ${(error as Error).message}`, en: `${file} is not valid YAML: ${(error as Error).message}` },
      { hint: { fr: `Corrigez ${file} ou supprimez-le pour laisser l'outil deviner.`, en: `Fix ${file}, or remove it to let the tool discover entry points.` } },
    );
  }
  if (!validateManifest(content ?? {})) {
    throw new MsprError(
      'MSPR_SUBMISSION_UNREADABLE',
      { fr: `${file} ne respecte pas le format attendu.`, en: `${file} does not follow the expected format.` },
      {
        details: formatSchemaErrors(validateManifest.errors, file),
        hint: { fr: 'Voir docs/candidate-manifest.md.', en: 'See docs/candidate-manifest.md.' },
      },
    );
  }
  const outside = manifestPathProblems(content, file);
  if (outside.length > 0) {
    throw new MsprError(
      'MSPR_SUBMISSION_UNREADABLE',
      { fr: `${file} désigne des chemins hors du dépôt.`, en: `${file} names paths outside the repository.` },
      { details: outside, hint: { fr: 'Donnez des chemins relatifs à la racine du dépôt, sans « .. » qui en sort.', en: 'Give paths relative to the repository root, with no ".." leaving it.' } },
    );
  }
  return { manifest: (content ?? {}) as CandidateManifest, file };
}

/** The manifest's text in any encoding (UTF-8 with or without BOM, UTF-16), refused unread over 1 MiB. */
function readManifestText(path: string, file: string): string {
  const read = readBoundedText(path);
  if (read.ok) return read.text;
  const why =
    read.reason === 'too-large'
      ? t(`trop gros (${formatBytes(read.bytes)} > ${formatBytes(MAX_DESCRIPTOR_BYTES)})`, `too large (${formatBytes(read.bytes)} > ${formatBytes(MAX_DESCRIPTOR_BYTES)})`)
      : t('ce n’est pas un fichier ordinaire', 'not a regular file');
  throw new MsprError('MSPR_SUBMISSION_UNREADABLE', t(`${file} refusé sans être lu : ${why.fr}.`, `${file} refused unread: ${why.en}.`), {
    hint: t(`Un ${file} fait quelques lignes : voir docs/candidate-manifest.md.`, `An ${file} is a few lines long: see docs/candidate-manifest.md.`),
  });
}
