import { parse as parseYaml, stringify } from 'yaml';
import { type Lang, pick } from '../i18n.js';
import type { CandidateManifest } from '../submission/candidate-manifest.js';
import type { PlanStep, RunPlan } from './run-plan.js';
import { notebookCwd } from './working-directory.js';

const HEADER = {
  fr: [
    '# mspr.yaml — écrit par `mspr-lab init` d’après ce que dit le dépôt ; corrigez-le librement.',
    '# Chaque ligne de run: dit d’où elle vient. Format : docs/candidate-manifest.md de mspr-lab.',
  ],
  en: [
    '# mspr.yaml — written by `mspr-lab init` from what the repository says; edit it freely.',
    '# Each run: line says where it came from. Format: mspr-lab’s docs/candidate-manifest.md.',
  ],
} as const;

/**
 * The plan as an `mspr.yaml` a team can edit: one `run:` item per step in the shortest form that means the
 * same step (a path, an argv list, or `{ run, cwd }`), with its reason as a comment; what was left out is
 * listed, commented, below. Other keys of an existing manifest (datasetsDir, databases…) are kept.
 */
export function planToYaml(plan: RunPlan, lang: Lang, keep: Omit<CandidateManifest, 'run'> = {}): string {
  const lines: string[] = [...HEADER[lang]];
  if (plan.steps.length === 0) {
    lines.push(lang === 'fr' ? '# Aucune étape trouvée : écrivez-les sous run:, par exemple :' : '# No step found: write them under run:, for example:', '# run:', '#   - src/main.py');
  } else {
    lines.push('run:');
    const items = plan.steps.map(itemOf);
    const width = Math.min(60, Math.max(...items.map((item) => item.length)));
    for (const [index, item] of items.entries()) lines.push(`  - ${item.padEnd(width)}  # ${plan.steps[index]!.reason}`);
  }
  for (const [key, value] of Object.entries(keep)) {
    if (value !== undefined) lines.push(stringify({ [key]: value }, { lineWidth: 0 }).trimEnd());
  }
  if (plan.skipped.length > 0) {
    lines.push(lang === 'fr' ? '# Non exécuté :' : '# Not run:');
    for (const item of plan.skipped) lines.push(`#   ${item.path}${item.source ? ` (${item.source})` : ''}: ${pick(item.reason, lang)}`.replace(/\n/g, ' '));
  }
  return `${lines.join('\n')}\n`;
}

function itemOf(step: PlanStep): string {
  if (step.kind === 'notebook' && step.entry && step.cwd === notebookCwd(step.entry)) return scalar(step.entry);
  const asPath = step.cwd === '.' && step.run.length === 2 && step.run[0] === 'python' && step.run[1] === step.entry && /\.py$/.test(step.entry);
  if (asPath) return scalar(step.entry!);
  const argv = `[${step.run.map(scalar).join(', ')}]`;
  return step.cwd === '.' ? argv : `{ run: ${argv}, cwd: ${scalar(step.cwd)} }`;
}

/** A plain scalar when YAML reads it back as the same string inside a flow sequence, else quoted. */
function scalar(value: string): string {
  if (/^[\w./@%+=:-][\w./@%+=:-]*$/.test(value) && !/^-\s/.test(value) && !/: /.test(value)) {
    try {
      const back = parseYaml(`[${value}]`) as unknown[];
      if (back.length === 1 && back[0] === value) return value;
    } catch {
      // quoted below
    }
  }
  return JSON.stringify(value);
}
