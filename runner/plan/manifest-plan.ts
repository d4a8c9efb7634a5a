import { isSeq, LineCounter, parseDocument } from 'yaml';
import { t } from '../i18n.js';
import type { CandidateManifest, ManifestRunItem } from '../submission/candidate-manifest.js';
import { moduleFiles, readPythonCommand } from './python-command.js';
import type { RepoFiles } from './repo-files.js';
import { emptyFindings, type DraftStep, type SourceFindings } from './run-plan.js';
import { joinCwd, notebookCwd, relativeTo, workspacePath } from './working-directory.js';

/**
 * The steps a manifest's `run:` gives, in its order, each with the manifest line it was read from:
 * - `etl.py` runs `python etl.py` from the root; `notebooks/01.ipynb` runs from `notebooks/`;
 * - `[python, -m, projet.train]` runs from the root;
 * - `{ run: [python, build.py], cwd: etl }` (or `{ run: build.py, cwd: etl }`) runs from `etl/`.
 * Files are not checked here: a missing one is reported when its step runs, so the team sees it.
 */
export function manifestFindings(repo: RepoFiles, manifest: CandidateManifest, file: string, text: string | undefined): SourceFindings {
  const findings = emptyFindings();
  const lines = text ? runItemLines(text) : [];
  for (const [index, item] of (manifest.run ?? []).entries()) {
    const reason = `${file}:${lines[index] ?? 1}`;
    const cwd = typeof item === 'object' && !Array.isArray(item) ? joinCwd('.', item.cwd ?? '.') : '.';
    if (cwd === undefined) {
      findings.skipped.push({ path: JSON.stringify(item), source: reason, reason: t('cwd sort du dépôt', 'cwd leaves the repository') });
      continue;
    }
    const step = stepOf(repo, item, cwd, reason);
    if (step) findings.steps.push(step);
    else findings.skipped.push({ path: JSON.stringify(item), source: reason, reason: t('chemin hors du dépôt', 'path outside the repository') });
  }
  return findings;
}

function stepOf(repo: RepoFiles, item: ManifestRunItem, cwd: string, reason: string): DraftStep | undefined {
  const run = typeof item === 'object' && !Array.isArray(item) ? item.run : item;
  if (typeof run === 'string') {
    const entry = workspacePath(cwd, run);
    if (!entry) return undefined;
    if (entry.endsWith('.ipynb')) return { kind: 'notebook', run: [entry], cwd: notebookCwd(entry), reason, entry };
    return { kind: 'command', run: ['python', relativeTo(cwd, entry)], cwd, reason, entry };
  }
  const python = readPythonCommand(run);
  let entry: string | undefined;
  if (python?.script) entry = workspacePath(cwd, python.script);
  else if (python?.module) entry = moduleFiles(cwd, python.module).find((path) => repo.isFile(path));
  return { kind: 'command', run, cwd, reason, ...(entry ? { entry } : {}) };
}

/** The line of each item of `run:`, for reasons like `mspr.yaml:3`. */
function runItemLines(text: string): number[] {
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    const run = doc.get('run', true);
    if (!isSeq(run)) return [];
    return run.items.map((item) => {
      const range = (item as { range?: [number, number, number] }).range;
      return range ? lineCounter.linePos(range[0]).line : 1;
    });
  } catch {
    return [];
  }
}
