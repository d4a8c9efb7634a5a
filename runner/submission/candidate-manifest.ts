import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { lineOfPath } from '../yaml-errors/line-of-path.js';
import { describeYamlError } from '../yaml-errors/describe-yaml-error.js';
import { MsprError } from '../errors.js';
import { formatBytes, MAX_DESCRIPTOR_BYTES, readBoundedText } from '../evidence/read-bounded-text.js';
import { t } from '../i18n.js';
import { manifestPathProblems } from './manifest-paths.js';
import { packagePath } from '../paths.js';
import { compileSchema, formatSchemaErrors } from '../schema-validation.js';

/**
 * One entry of `run:`: a script or notebook path, an argv array, or `{ run, cwd }` to start it from a
 * folder of the repository (`{ run: [python, build.py], cwd: etl }`).
 */
export type ManifestRunItem = string | string[] | { run: string | string[]; cwd?: string };

/** A candidate repository's own `mspr.yaml`: where its entry points, datasets and outputs are. */
export interface CandidateManifest {
  run?: ManifestRunItem[];
  datasetsDir?: string;
  databases?: Record<string, string>;
  outputs?: Record<string, string>;
  team?: string[];
}

/** A manifest as read: its content, the name it is reported under, and its text (for line numbers). */
export interface ReadManifest {
  manifest: CandidateManifest;
  file: string;
  text: string;
}

const RUN_FORMS = 'must be a script or notebook path (.py, .ipynb), an argv list ([python, -m, pkg.mod]), or { run: …, cwd: folder }';

export const MANIFEST_FILES = ['mspr.yaml', 'mspr.yml', 'mspr.json'];

const validateManifest = compileSchema<CandidateManifest>(
  JSON.parse(readFileSync(packagePath('runner/submission/candidate-manifest.schema.json'), 'utf8')),
);

/** Reads the repository's manifest when it has one; an invalid one is an error the candidate must fix. */
export function readCandidateManifest(workspaceDir: string): ReadManifest | undefined {
  const file = MANIFEST_FILES.find((name) => existsSync(join(workspaceDir, name)));
  return file ? readManifestFile(join(workspaceDir, file), file) : undefined;
}

/**
 * Reads a manifest file (the repository's, or one an instructor keeps outside it: `--manifest`), in any
 * encoding and refused unread over 1 MiB. Schema errors carry the line they are on:
 * `mspr.yaml:3: run[1]: must be a script or notebook path …`; paths leaving the repository are refused.
 */
export function readManifestFile(path: string, label: string): ReadManifest {
  let text: string;
  try {
    text = readManifestText(path, label);
  } catch (error) {
    if (error instanceof MsprError) throw error;
    throw new MsprError('MSPR_USAGE', { fr: `Impossible de lire ${label} : ${(error as Error).message}`, en: `Cannot read ${label}: ${(error as Error).message}` });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const described = describeYamlError(label, text, doc.errors[0]!);
    throw new MsprError('MSPR_SUBMISSION_UNREADABLE', { fr: described.fr, en: described.en }, {
      excerpt: described.excerpt,
      hint: { fr: `Corrigez ${label} ou supprimez-le pour laisser l'outil deviner.`, en: `Fix ${label}, or remove it to let the tool discover entry points.` },
    });
  }
  let content: unknown;
  try {
    content = doc.toJS() ?? {};
  } catch (error) {
    // A YAML bomb (billion laughs) stops at the yaml library's alias limit, before it eats the memory.
    const what = (error as Error).message;
    throw new MsprError('MSPR_SUBMISSION_UNREADABLE', { fr: `${label} n'est pas un YAML valide : ${what}`, en: `${label} is not valid YAML: ${what}` }, {
      hint: { fr: `Corrigez ${label} ou supprimez-le pour laisser l'outil deviner.`, en: `Fix ${label}, or remove it to let the tool discover entry points.` },
    });
  }
  if (!validateManifest(content)) {
    const lineOf = (instancePath: string) => lineOfPath(doc, lineCounter, instancePath);
    const errors = validateManifest.errors ?? [];
    // One line per wrong entry: a failed `oneOf` would otherwise list why each of the three forms failed.
    const forms = new Set(errors.filter((error) => error.keyword === 'oneOf').map((error) => error.instancePath));
    const details = errors
      .filter((error) => error.keyword === 'oneOf' || ![...forms].some((path) => error.instancePath === path || error.instancePath.startsWith(`${path}/`)))
      .map((error) => ({ line: lineOf(error.instancePath), text: error.keyword === 'oneOf' ? `${formatSchemaErrors([error])[0]!.split(':')[0]}: ${RUN_FORMS}` : formatSchemaErrors([error])[0] }))
      .filter((detail) => detail.text);
    const unique = [...new Set(details.map((d) => `${label}${d.line ? `:${d.line}` : ''}: ${d.text}`))];
    throw new MsprError(
      'MSPR_SUBMISSION_UNREADABLE',
      { fr: `${label} ne respecte pas le format attendu.`, en: `${label} does not follow the expected format.` },
      { details: unique, hint: { fr: 'Voir docs/candidate-manifest.md.', en: 'See docs/candidate-manifest.md.' } },
    );
  }
  const outside = manifestPathProblems(content, label);
  if (outside.length > 0) {
    throw new MsprError(
      'MSPR_SUBMISSION_UNREADABLE',
      { fr: `${label} désigne des chemins hors du dépôt.`, en: `${label} names paths outside the repository.` },
      { details: outside, hint: { fr: 'Donnez des chemins relatifs à la racine du dépôt, sans « .. » qui en sort.', en: 'Give paths relative to the repository root, with no ".." leaving it.' } },
    );
  }
  return { manifest: content as CandidateManifest, file: label, text };
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
