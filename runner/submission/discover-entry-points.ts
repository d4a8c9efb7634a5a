import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { t, type Localized } from '../i18n.js';
import { workspaceFiles } from '../evidence/workspace-files.js';
import type { CandidateManifest } from './candidate-manifest.js';

/** One thing to run for the candidate: a script, a notebook, or an argv array from their manifest. */
export type EntryPoint = { kind: 'script'; path: string } | { kind: 'notebook'; path: string } | { kind: 'argv'; argv: string[] };

const CONVENTIONAL_SCRIPTS = ['main.py', 'run.py', 'pipeline.py', 'src/main.py'];

/**
 * The candidate's entry points: their `mspr.yaml` `run:` list when they have one, otherwise a conventional
 * script, otherwise every notebook. The assumption is always returned so the report can say what was run
 * and why, and the candidate can correct it with an `mspr.yaml`.
 */
export function discoverEntryPoints(workspaceDir: string, manifest: CandidateManifest | undefined): { entries: EntryPoint[]; assumption: Localized } {
  if (manifest?.run) {
    const entries = manifest.run.map(toEntryPoint);
    return { entries, assumption: t(`Points d’entrée lus dans mspr.yaml : ${describe(entries)}.`, `Entry points read from mspr.yaml: ${describe(entries)}.`) };
  }
  const script = CONVENTIONAL_SCRIPTS.find((path) => existsSync(join(workspaceDir, path)));
  if (script) {
    const entries: EntryPoint[] = [{ kind: 'script', path: script }];
    return {
      entries,
      assumption: t(
        `Pas de mspr.yaml : ${script} a été exécuté comme point d’entrée (ajoutez un mspr.yaml avec « run: » pour en choisir d’autres).`,
        `No mspr.yaml: ran ${script} as the entry point (add an mspr.yaml with "run:" to choose others).`,
      ),
    };
  }
  const notebooks = workspaceFiles(workspaceDir)
    .list()
    .filter((path) => path.endsWith('.ipynb'));
  if (notebooks.length > 0) {
    const entries: EntryPoint[] = notebooks.map((path) => ({ kind: 'notebook', path }));
    return {
      entries,
      assumption: t(
        `Pas de mspr.yaml ni de main.py : les notebooks ont été exécutés dans l’ordre alphabétique : ${notebooks.join(', ')}.`,
        `No mspr.yaml nor main.py: ran the notebooks in alphabetical order: ${notebooks.join(', ')}.`,
      ),
    };
  }
  return {
    entries: [],
    assumption: t(
      'Aucun point d’entrée trouvé (ni mspr.yaml, ni main.py/run.py/pipeline.py, ni notebook) : rien n’a été exécuté.',
      'No entry point found (no mspr.yaml, no main.py/run.py/pipeline.py, no notebook): nothing was run.',
    ),
  };
}

function toEntryPoint(item: string | string[]): EntryPoint {
  if (Array.isArray(item)) return { kind: 'argv', argv: item };
  return item.endsWith('.ipynb') ? { kind: 'notebook', path: item } : { kind: 'script', path: item };
}

function describe(entries: EntryPoint[]): string {
  return entries.map((entry) => (entry.kind === 'argv' ? entry.argv.join(' ') : entry.path)).join(', ');
}
