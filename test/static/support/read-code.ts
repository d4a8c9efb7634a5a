import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckEvidence } from '../../../runner/evidence/check-evidence.js';
import { workspaceFiles } from '../../../runner/evidence/workspace-files.js';
import { resolvePython } from '../../../runner/settings.js';
import { readStaticFacts } from '../../../runner/static/read-static-facts.js';
import type { StepFailure } from '../../../runner/failure/step-failure.js';
import type { StepRecord } from '../../../runner/steps/step-record.js';
import type { TraceEvent } from '../../../runner/tracer/trace-event.js';
import { indexTraceEvents, withStaticFacts } from '../../../runner/tracer/trace-index.js';

/** A repository written to a fresh folder: path → text. */
export function writeRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mspr-static-repo-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The team's data file is missing: the failure the classification gives (the candidate's, as git-ignored data is). */
export const MISSING_DATA: StepFailure = {
  owner: 'candidate',
  cause: 'file-not-found',
  message: { fr: 'Le code lit data/ventes.csv, absent du dépôt.', en: 'The code reads data/ventes.csv, which the repository lacks.' },
  hint: { fr: 'Ajoutez le fichier.', en: 'Add the file.' },
  file: 'data/ventes.csv',
};

/** A package the code imports that this machine cannot install: the environment's failure. */
export const MISSING_PACKAGE: StepFailure = {
  owner: 'environment',
  cause: 'missing-package',
  message: { fr: 'Le code importe missingno, non installable ici.', en: 'The code imports missingno, not installable here.' },
  hint: { fr: 'Donnez un index de paquets.', en: 'Give a package index.' },
  module: 'missingno',
};

/** A step record for `entry`, stopped with `failure` (or `ok`: ran to its end). */
export function stepOf(entry: string, failure?: StepFailure, status: StepRecord['status'] = failure ? 'failed' : 'ok'): StepRecord {
  return { id: `pipeline:${entry}`, kind: entry.endsWith('.ipynb') ? 'notebook' : 'command', entry, optional: false, status, ...(failure ? { failure } : {}) };
}

/**
 * Check evidence for a repository whose steps are `steps`, with the real static reader (the host's Python) run as the
 * runner runs it, beside a trace of `observed` events (what the tracer saw before the stop).
 */
export async function readCode(root: string, steps: StepRecord[], observed: TraceEvent[] = []): Promise<Partial<CheckEvidence>> {
  const workspace = workspaceFiles(root);
  const facts = await readStaticFacts({ workspace, steps, python: resolvePython() });
  return { workspace, steps, trace: withStaticFacts(indexTraceEvents(observed, [], observed.length > 0), facts) };
}
