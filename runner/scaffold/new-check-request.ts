import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceKind } from '../../checks/verdict.js';
import { criterionRefProblem } from '../../scenarios/criteria.js';
import { MsprError } from '../errors.js';
import { t } from '../i18n.js';

/** What `mspr-lab checks new` is asked to write. */
export interface NewCheckRequest {
  /** `family/name`, kebab-case, e.g. `ml/training-procedure`. */
  id: string;
  /** Criterion refs, `framework:code`; may be empty (the check's own tests then fail until they are given). */
  criteria: string[];
  evidence: EvidenceKind[];
}

const EVIDENCE_KINDS: readonly EvidenceKind[] = ['trace', 'artifact', 'db', 'http', 'git', 'static', 'step'];
/** Folders of `checks/` that hold shared code (helpers, the tester), not checks. */
const RESERVED = new Set(['support', 'tester']);
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Checks a request against the tree it will be written to, and says everything wrong at once: a malformed id,
 * an id already taken (registered, or any of its four files present), an unknown criterion, an unknown kind
 * of evidence.
 */
export function validateNewCheck(root: string, request: NewCheckRequest): void {
  const problems: string[] = [];
  if (!ID.test(request.id)) problems.push(`"${request.id}": an id is family/name in lowercase kebab-case, e.g. ml/training-procedure`);
  else if (RESERVED.has(request.id.split('/')[0]!)) problems.push(`"${request.id}": checks/${request.id.split('/')[0]}/ holds shared code, not checks; choose another family`);
  else {
    const registry = readFileSync(join(root, 'checks', 'registry.ts'), 'utf8');
    if (registry.includes(`'${request.id}':`)) problems.push(`"${request.id}" is already registered in checks/registry.ts`);
    for (const file of pieces(request.id)) if (existsSync(join(root, file))) problems.push(`${file} already exists`);
  }
  for (const ref of request.criteria) {
    const problem = criterionRefProblem(ref);
    if (problem) problems.push(`--criteria: ${problem}`);
  }
  for (const kind of request.evidence) {
    if (!EVIDENCE_KINDS.includes(kind)) problems.push(`--evidence: unknown kind "${kind}" (kinds: ${EVIDENCE_KINDS.join(', ')})`);
  }
  if (request.evidence.length === 0) problems.push(`--evidence: name at least one kind (${EVIDENCE_KINDS.join(', ')})`);
  if (problems.length === 0) return;
  throw new MsprError('MSPR_USAGE', t(`Impossible de créer la vérification ${request.id} :`, `Cannot create the check ${request.id}:`), {
    details: problems,
    hint: t(
      'Choisissez un nouvel identifiant famille/nom et des critères de scenarios/criteria.json (par ex. --criteria cdp-data-ia:C1.9).',
      'Choose a new family/name id and criteria from scenarios/criteria.json (e.g. --criteria cdp-data-ia:C1.9).',
    ),
  });
}

/** The files a check is made of, relative to the source tree (the registry line and README row aside). */
export function pieces(id: string): string[] {
  return [`checks/${id}.ts`, `checks/${id}.md`, `checks/${id}.fr.md`, `test/checks/${id}.test.ts`];
}
