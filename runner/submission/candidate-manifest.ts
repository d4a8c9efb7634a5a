import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { MsprError } from '../errors.js';
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
    content = parseYaml(readFileSync(join(workspaceDir, file), 'utf8'));
  } catch (error) {
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
  return { manifest: (content ?? {}) as CandidateManifest, file };
}
