import { type Lang, pick } from '../runner/i18n.js';
import { COMPETENCY_WORDS } from './competencies.js';
import type { RunReport } from './report.js';

/** Words of the competency section, shared by the Markdown and HTML renderers. */
export const COMPETENCY_LABELS = {
  fr: { title: 'Compétences', competency: 'Critère', status: 'Statut', score: 'Points', checks: 'Vérifications', why: 'Pourquoi', jury: 'grille du jury', alsoCovers: 'Couvre aussi (autres référentiels, non notés ici)', none: 'Aucun critère du référentiel n’est couvert par ce scénario.' },
  en: { title: 'Competencies', competency: 'Criterion', status: 'Status', score: 'Points', checks: 'Checks', why: 'Why', jury: 'jury grid', alsoCovers: 'Also covers (other frameworks, not graded here)', none: 'No criterion of the framework is covered by this scenario.' },
} as const;

/** One row per competency, as plain strings (each renderer escapes them its own way). */
export interface CompetencyRow {
  ref: string;
  status: string;
  statusId: string;
  points: string;
  checks: string;
  why: string;
}

export function competencyRows(report: RunReport, lang: Lang): CompetencyRow[] {
  const w = COMPETENCY_LABELS[lang];
  return report.competencies.items.map((item) => ({
    ref: item.ref,
    statusId: item.status,
    status: COMPETENCY_WORDS[lang][item.status],
    points: item.maxScore > 0 ? `${round(item.score)} / ${item.maxScore}` : '–',
    checks: [...item.checks, ...(item.manual.length > 0 ? [`${w.jury} (${item.manual.length})`] : [])].join(', '),
    why: item.reasons.map((reason) => pick(reason, lang)).join(' ; '),
  }));
}

/** `dev-ia-ds:A1.1 C4 (data/missing-measured)` lines. */
export function alsoCoversLines(report: RunReport, lang: Lang): string[] {
  const w = COMPETENCY_LABELS[lang];
  return report.competencies.alsoCovers.map((item) => `${item.ref} (${[...item.checks, ...(item.manual.length > 0 ? [w.jury] : [])].join(', ')})`);
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
