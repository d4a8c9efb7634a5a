import { type Lang, pick } from '../i18n.js';
import type { RunPlan } from './run-plan.js';
import { countOf } from '../i18n/format.js';

const WORDS = {
  fr: { plan: 'Plan d’exécution', from: 'depuis', root: 'la racine', pythonPath: 'racine du dépôt ajoutée au PYTHONPATH (le code importe son propre paquet)', skipped: 'Non exécuté :', requirements: 'Dépendances installées par le README :', none: 'aucune étape', steps: ['étape', 'étapes'], notes: 'À savoir :', app: 'Application (démarrée par une étape serve du scénario) :' },
  en: { plan: 'Run plan', from: 'from', root: 'the root', pythonPath: 'repository root added to PYTHONPATH (the code imports its own package)', skipped: 'Not run:', requirements: 'Requirements the README installs:', none: 'no step', steps: ['step', 'steps'], notes: 'Good to know:', app: 'App (started by a scenario’s serve step):' },
} as const;

const ORIGINS = {
  fr: { discovered: 'découvert dans le dépôt', manifest: 'manifeste du dépôt', 'external-manifest': 'manifeste externe' },
  en: { discovered: 'discovered in the repository', manifest: 'the repository’s manifest', 'external-manifest': 'external manifest' },
} as const;

/** The plan as terminal lines: each step with its folder and reason, then what was left out and why. */
export function describePlan(plan: RunPlan, lang: Lang): string[] {
  const w = WORDS[lang];
  const lines = [`${w.plan} (${ORIGINS[lang][plan.origin]}${plan.manifestFile ? `${lang === 'fr' ? ' :' : ':'} ${plan.manifestFile}` : ''}) — ${plan.steps.length === 0 ? w.none : countOf(plan.steps.length, lang, w.steps[0], w.steps[1])}`];
  for (const [index, step] of plan.steps.entries()) {
    const what = step.kind === 'notebook' ? `notebook ${step.run[0]}` : step.run.join(' ');
    lines.push(`  ${index + 1}. ${what}   [${w.from} ${step.cwd === '.' ? w.root : `${step.cwd}/`}]   ← ${step.reason}`);
    if (step.pythonPathRoot) lines.push(`     ${w.pythonPath}`);
  }
  if (plan.app) lines.push(`${w.app} ${plan.app.run.join(' ')}   [${w.from} ${plan.app.cwd === '.' ? w.root : `${plan.app.cwd}/`}]   ← ${plan.app.reason}`);
  if (plan.skipped.length > 0) {
    lines.push(w.skipped);
    for (const item of plan.skipped) lines.push(`  - ${item.path}${item.source ? ` (${item.source})` : ''}${lang === 'fr' ? ' : ' : ': '}${pick(item.reason, lang)}`);
  }
  if (plan.requirementFiles.length > 0) {
    lines.push(`${w.requirements} ${plan.requirementFiles.map((r) => `${r.file} (${r.reason})`).join(', ')}`);
  }
  if (plan.notes.length > 1) {
    lines.push(w.notes);
    for (const note of plan.notes.slice(1)) lines.push(`  - ${pick(note, lang)}`);
  }
  return lines;
}
