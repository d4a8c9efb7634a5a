import { type Lang, pick } from '../runner/i18n.js';
import type { RunReport } from './report.js';

const WORDS = {
  fr: { title: 'Plan d’exécution', colon: ' : ', step: 'Étape', run: 'Commande', cwd: 'Dossier', reason: 'Lu dans', skipped: 'Non exécuté', requirements: 'Dépendances installées par le README', discovered: 'découvert dans le dépôt', manifest: 'mspr.yaml du dépôt', 'external-manifest': 'manifeste externe' },
  en: { title: 'Run plan', colon: ': ', step: 'Step', run: 'Command', cwd: 'Folder', reason: 'Read from', skipped: 'Not run', requirements: 'Requirements the README installs', discovered: 'discovered in the repository', manifest: 'the repository’s mspr.yaml', 'external-manifest': 'external manifest' },
} as const;

/** The report's plan as words and rows both the Markdown and the HTML renderers lay out (plain text). */
export function planSection(report: RunReport, lang: Lang) {
  const plan = report.plan;
  if (!plan) return undefined;
  const w = WORDS[lang];
  return {
    words: w,
    title: `${w.title} (${w[plan.origin]}${plan.manifestFile ? `${w.colon}${plan.manifestFile}` : ''})`,
    rows: plan.steps.map((step) => ({ step: step.id, run: step.kind === 'notebook' ? `nbconvert --execute ${step.run[0]}` : step.run.join(' '), cwd: step.cwd, reason: step.reason })),
    skipped: plan.skipped.map((item) => `${item.path}${item.source ? ` (${item.source})` : ''}${w.colon}${pick(item.reason, lang)}`),
    requirements: plan.requirementFiles.map((r) => `${r.file} (${r.reason})`),
    notes: plan.notes.slice(1).map((note) => pick(note, lang)),
  };
}
