import { terminalLine } from '../../reports/safe-text.js';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ServiceSpec } from '../../scenarios/scenario.js';
import { MsprError } from '../errors.js';
import { type Lang, pick, t } from '../i18n.js';
import { buildRunPlan } from '../plan/build-run-plan.js';
import { describePlan } from '../plan/describe-plan.js';
import { planRun } from '../plan/plan-run.js';
import { planToYaml } from '../plan/plan-yaml.js';
import type { RunPlan } from '../plan/run-plan.js';
import { resolveWorkRoot } from '../settings.js';
import { acquireSubmission } from '../submission/acquire-submission.js';
import { MANIFEST_FILES, readCandidateManifest } from '../submission/candidate-manifest.js';
import type { PlanOptions } from './plan-command.js';
import { EXIT } from './exit-codes.js';

/** `mspr-lab plan`: the plan on stdout (text or JSON), problems on stderr; nothing of the team's runs. */
export async function runPlanCommand(submission: string, options: PlanOptions, lang: Lang): Promise<number> {
  let services: ServiceSpec[] | undefined;
  if (options.scenario) {
    const { loadScenario } = await import('../../scenarios/load-scenario.js');
    const { withDatabaseKind } = await import('../../scenarios/override-database.js');
    const loaded = await loadScenario(options.scenario);
    services = (options.database ? withDatabaseKind(loaded, options.database) : loaded).scenario.services;
  }
  const plan = await withCopy(submission, options, (workspaceDir) =>
    planRun({
      workspaceDir,
      manifestFile: options.manifest,
      services,
      runsCandidate: false,
      note: () => {},
      progress: (event) => {
        if (event.type === 'notice') process.stderr.write(`! ${pick(event.text, lang)}\n${(event.excerpt?.split('\n') ?? []).map((line) => `    ${terminalLine(line)}\n`).join('')}`);
      },
    }).plan,
  );
  process.stdout.write(options.json ? `${JSON.stringify(plan, null, 2)}\n` : `${[...describePlan(plan, lang), '', pick(plan.notes[0]!, lang)].join('\n')}\n`);
  return EXIT.pass;
}

/** `mspr-lab init`: the discovered plan written as the folder's mspr.yaml, never over one without --force. */
export async function runInitCommand(folder: string, options: { force?: boolean }, lang: Lang): Promise<number> {
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new MsprError('MSPR_USAGE', t(`${folder} n’est pas un dossier.`, `${folder} is not a folder.`));
  }
  const existing = MANIFEST_FILES.find((name) => existsSync(join(root, name)));
  if (existing && !options.force) {
    throw new MsprError('MSPR_USAGE', t(`${existing} existe déjà dans ${folder}.`, `${existing} already exists in ${folder}.`), {
      hint: t('Ajoutez --force pour le remplacer (ses autres clés sont gardées), ou voyez le plan avec « mspr-lab plan ».', 'Add --force to replace it (its other keys are kept), or see the plan with `mspr-lab plan`.'),
    });
  }
  let keep = {};
  if (existing) {
    try {
      const { run: _run, ...others } = readCandidateManifest(root)?.manifest ?? {};
      keep = others;
    } catch {
      keep = {}; // an invalid manifest has nothing worth keeping
    }
  }
  const plan: RunPlan = await withCopy(folder, {}, (workspaceDir) => buildRunPlan({ workspaceDir }));
  const target = join(root, 'mspr.yaml');
  writeFileSync(target, planToYaml(plan, lang, keep));
  process.stdout.write(`${[...describePlan(plan, lang), '', lang === 'fr' ? `Écrit : ${target}` : `Wrote ${target}`].join('\n')}\n`);
  return EXIT.pass;
}

/** Plans on the audited copy `check` would grade (links leaving the repository are not followed). */
async function withCopy<T>(submission: string, options: Pick<PlanOptions, 'ref' | 'deadline' | 'workDir'>, read: (workspaceDir: string) => T): Promise<T> {
  const workRoot = resolveWorkRoot(options.workDir);
  await mkdir(workRoot, { recursive: true });
  const dir = mkdtempSync(join(workRoot, 'plan-'));
  try {
    const workspaceDir = join(dir, 'workspace');
    await acquireSubmission({ source: submission, ref: options.ref, deadline: options.deadline, workspaceDir, scratchDir: dir });
    return read(workspaceDir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
