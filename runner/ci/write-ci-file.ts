import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MsprError } from '../errors.js';
import { type Lang, pick, t } from '../i18n.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { ciPlan } from './ci-plan.js';
import { githubWorkflow } from './github-workflow.js';
import { gitlabPipeline } from './gitlab-pipeline.js';

export type CiKind = 'github' | 'gitlab';

/** Where each CI reads its configuration, relative to the repository's root. */
export const DEFAULT_CI_FILES: Record<CiKind, string> = { github: '.github/workflows/mspr-lab.yml', gitlab: '.gitlab-ci.yml' };

/**
 * The body of `mspr-lab ci`: checks the scenario exists (a typo would only show in the candidate's first CI
 * run), renders the file and writes it, never over an existing one without `force` (a team's own pipeline).
 */
export async function writeCiFile(options: { kind: CiKind; scenario: string; tool?: string; out?: string; force?: boolean; lang: Lang }): Promise<string> {
  const { loadScenario } = await import('../../scenarios/load-scenario.js');
  await loadScenario(options.scenario);
  const plan = ciPlan({ scenario: options.scenario, tool: options.tool });
  const text = options.kind === 'github' ? githubWorkflow(plan) : gitlabPipeline(plan);
  if (options.out === '-') {
    process.stdout.write(text);
    return '-';
  }
  const target = resolve(options.out ?? DEFAULT_CI_FILES[options.kind]);
  if (existsSync(target) && !options.force) {
    throw new MsprError('MSPR_USAGE', t(`${target} existe déjà : il n’est pas remplacé.`, `${target} already exists: it is not replaced.`), {
      hint: t('Ajoutez --force pour le remplacer, ou --out <fichier> pour écrire ailleurs (--out - l’affiche).', 'Add --force to replace it, or --out <file> to write elsewhere (--out - prints it).'),
    });
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileAtomic(target, text);
  const next = options.kind === 'github' ? t('validez-le puis poussez : chaque push sera corrigé', 'commit it and push: every push is graded') : t('validez-le puis poussez : chaque pipeline sera corrigé', 'commit it and push: every pipeline is graded');
  process.stdout.write(`${pick(t(`Écrit : ${target} (${options.scenario}) ; ${next.fr}.`, `Written: ${target} (${options.scenario}); ${next.en}.`), options.lang)}\n`);
  return target;
}
