import { posix } from 'node:path';
import type { ServiceSpec } from '../../scenarios/scenario.js';
import { t, type Localized } from '../i18n.js';
import type { ReadManifest } from '../submission/candidate-manifest.js';
import type { CommandContext } from './command-steps.js';
import { readComposeFile } from './compose-file.js';
import { containerFindings } from './container-source.js';
import { databaseNotes } from './database-needs.js';
import { makefileFindings } from './makefile-source.js';
import { readMakefile } from './makefile.js';
import { manifestFindings } from './manifest-plan.js';
import { notebookFindings } from './notebook-order.js';
import { codeOf, importsOwnPackage } from './own-package-imports.js';
import { pyprojectFindings } from './pyproject-scripts.js';
import { readmeFindings } from './readme-source.js';
import { repoFiles, type RepoFiles } from './repo-files.js';
import type { DraftStep, PlanOrigin, PlanStep, RunPlan, SkippedItem, SourceFindings } from './run-plan.js';
import { scriptFindings } from './script-conventions.js';
import { discoverApp } from '../serve/discover-app.js';

export interface PlanInput {
  /** The repository (the run's workspace copy). */
  workspaceDir: string;
  /** The manifest whose `run:` gives the plan: the repository's, or an instructor's (`--manifest`). */
  manifest?: ReadManifest & { origin: Exclude<PlanOrigin, 'discovered'> };
  /** The scenario's services, to tell when the code expects a server the scenario does not start. */
  services?: ServiceSpec[];
}

interface Tier {
  label: (file?: string) => Localized;
  find: (ctx: CommandContext) => SourceFindings & { file?: string };
}

/** Discovery sources in their order of trust; the first that yields a step gives the plan. */
const TIERS: Tier[] = [
  { label: (file) => t(file ?? 'README', file ?? 'README'), find: readmeFindings },
  { label: () => t('les cibles usuelles du Makefile', 'the Makefile’s usual targets'), find: makefileFindings },
  { label: () => t('les commandes de docker-compose/Dockerfile', 'the docker-compose/Dockerfile commands'), find: containerFindings },
  { label: () => t('les scripts de pyproject.toml', 'the pyproject.toml scripts'), find: (ctx) => pyprojectFindings(ctx.repo) },
  { label: () => t('les scripts nommés d’après leur étape', 'the scripts named after their stage'), find: (ctx) => scriptFindings(ctx.repo) },
  { label: () => t('les notebooks, dans l’ordre de leur numéro', 'the notebooks, in the order of their number'), find: (ctx) => notebookFindings(ctx.repo) },
];

/**
 * The run plan: `run:` of the manifest when there is one, else what the repository itself says, in order
 * of trust (README → Makefile → containers → pyproject → named scripts → notebooks). Every step keeps its
 * reason and its folder; what was left out is listed with why. Nothing runs here.
 */
export function buildRunPlan(input: PlanInput): RunPlan {
  const repo = repoFiles(input.workspaceDir);
  const ctx: CommandContext = { repo, makefile: readMakefile(repo), compose: readComposeFile(repo) };
  const readme = readmeFindings(ctx);
  const notes: Localized[] = [];
  let origin: PlanOrigin = 'discovered';
  let chosen: SourceFindings;
  const skipped: SkippedItem[] = [];
  let label: Localized | undefined;
  if (input.manifest?.manifest.run) {
    origin = input.manifest.origin;
    chosen = manifestFindings(repo, input.manifest.manifest, input.manifest.file, input.manifest.text);
    skipped.push(...chosen.skipped);
  } else {
    chosen = { steps: [], skipped: [], requirementFiles: [] };
    for (const tier of TIERS) {
      const found = tier === TIERS[0] ? readme : tier.find(ctx);
      if (label) {
        const planned = new Set(chosen.steps.map((step) => step.entry ?? step.run.join(' ')));
        for (const step of found.steps.filter((s) => !planned.has(s.entry ?? s.run.join(' ')))) skipped.push({ path: step.entry ?? step.run.join(' '), source: step.reason, reason: t(`non exécuté : le plan vient de ${label.fr}`, `not run: the plan comes from ${label.en}`) });
        continue;
      }
      skipped.push(...found.skipped);
      if (found.steps.length > 0) {
        chosen = found;
        label = tier.label(found.file);
      }
    }
  }
  const steps = finalize(repo, chosen.steps);
  notes.push(summary(origin, steps, input.manifest?.file, label));
  notes.push(...databaseNotes(repo, input.services));
  const app = discoverApp(repo, ctx.makefile, ctx.compose);
  return {
    origin,
    ...(input.manifest?.manifest.run ? { manifestFile: input.manifest.file } : {}),
    steps,
    skipped: unique(skipped).slice(0, 100),
    requirementFiles: [...readme.requirementFiles, ...chosen.requirementFiles.filter((r) => !readme.requirementFiles.some((known) => known.file === r.file))],
    ...(app ? { app } : {}),
    notes,
  };
}

/** Ids, the own-package rule, and one step per distinct command (README and Makefile often say it twice). */
function finalize(repo: RepoFiles, drafts: DraftStep[]): PlanStep[] {
  const seen = new Set<string>();
  const ids = new Set<string>();
  const steps: PlanStep[] = [];
  for (const draft of drafts) {
    const key = [draft.kind, draft.cwd, ...draft.run].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    let id = idOf(draft);
    for (let n = 2; ids.has(id); n++) id = `${idOf(draft)} #${n}`;
    ids.add(id);
    const ownDir = draft.kind === 'command' && draft.entry && draft.run[1] !== '-m' && draft.run[1] !== '-c' ? posix.dirname(draft.entry) : draft.cwd;
    const pythonPathRoot = draft.entry ? importsOwnPackage(repo, codeOf(repo, draft.entry), ownDir) : false;
    steps.push({ id, kind: draft.kind, run: draft.run, cwd: draft.cwd, reason: draft.reason, ...(draft.entry ? { entry: draft.entry } : {}), pythonPathRoot });
  }
  return steps;
}

/** `etl/main.py` for `python etl/main.py` (or `cd etl && python main.py`); the command itself otherwise. */
function idOf(step: DraftStep): string {
  if (step.kind === 'notebook' && step.entry) return step.entry;
  if (step.entry && step.run.length === 2 && step.run[0] === 'python' && posix.join(step.cwd, step.run[1]!) === step.entry) return step.entry;
  return `${step.cwd === '.' ? '' : `cd ${step.cwd} && `}${step.run.join(' ')}`;
}

/** The plan in one sentence, for the report's assumptions. */
function summary(origin: PlanOrigin, steps: PlanStep[], manifestFile: string | undefined, source: Localized | undefined): Localized {
  const list = steps.map((step) => step.id).join(', ');
  if (origin === 'manifest') return t(`Plan lu dans ${manifestFile} : ${list}.`, `Plan read from ${manifestFile}: ${list}.`);
  if (origin === 'external-manifest') return t(`Plan donné par ${manifestFile} (hors du dépôt) : ${list}.`, `Plan given by ${manifestFile} (outside the repository): ${list}.`);
  if (steps.length === 0) {
    return t(
      'Aucun point d’entrée trouvé (ni mspr.yaml, ni commande dans le README, ni cible de Makefile, ni commande Docker, ni script de pyproject.toml, ni script __main__ nommé d’après son étape, ni notebook) : rien n’a été exécuté. Écrivez un mspr.yaml avec « run: » (docs/candidate-manifest.md).',
      'No entry point found (no mspr.yaml, no command in the README, no Makefile target, no Docker command, no pyproject.toml script, no __main__ script named after its stage, no notebook): nothing was run. Write an mspr.yaml with "run:" (docs/candidate-manifest.md).',
    );
  }
  return t(
    `Pas de mspr.yaml : exécuté ${list}, d’après ${source!.fr} (« mspr-lab plan » dit pourquoi ; « mspr-lab init » l’écrit dans un mspr.yaml à corriger).`,
    `No mspr.yaml: ran ${list}, from ${source!.en} (\`mspr-lab plan\` says why; \`mspr-lab init\` writes it as an mspr.yaml to correct).`,
  );
}

function unique(items: SkippedItem[]): SkippedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.path}\u0000${item.source ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
