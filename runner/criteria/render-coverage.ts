import type { Lang } from '../i18n.js';
import type { CriterionCoverage, FrameworkCoverage } from './coverage-matrix.js';

/** Longest label shown beside a code; the full wording is in the framework text (and scenarios' manual items). */
const LABEL_WIDTH = 72;

/**
 * The matrix as text, one block per framework: a header with the counts, then each criterion code with its label
 * and, below it, the checks that grade it (with their scenarios), the scenarios that leave it to the jury, or
 * « non couvert ». Counts go through Intl so they read naturally in each language.
 */
export function renderCoverage(matrix: readonly FrameworkCoverage[], lang: Lang): string[] {
  const number = new Intl.NumberFormat(lang);
  const plural = new Intl.PluralRules(lang);
  const words = WORDS[lang];
  const lines: string[] = [];
  for (const framework of matrix) {
    const { total, checked, manual, uncovered } = framework.counts;
    const criteria = plural.select(total) === 'one' ? words.criterion : words.criteria;
    lines.push(`${framework.framework} — ${number.format(total)} ${criteria}${words.colon} ${number.format(checked)} ${words.checked(plural.select(checked))}, ${number.format(manual)} ${words.manual(plural.select(manual))}, ${number.format(uncovered)} ${words.uncovered(plural.select(uncovered))}`);
    const width = Math.max(...framework.criteria.map((c) => c.code.length));
    for (const row of framework.criteria) lines.push(...criterionLines(row, width, lang));
    lines.push('');
  }
  return lines;
}

function criterionLines(row: CriterionCoverage, width: number, lang: Lang): string[] {
  const words = WORDS[lang];
  const label = row.label.length > LABEL_WIDTH ? `${row.label.slice(0, LABEL_WIDTH - 1).trimEnd()}…` : row.label;
  const indent = ' '.repeat(width + 4);
  const lines = [`  ${row.code.padEnd(width)}  ${label}`];
  for (const check of row.checks) lines.push(`${indent}${check.id} → ${check.scenarios.length > 0 ? check.scenarios.join(', ') : words.noScenario}`);
  if (row.manual.length > 0) lines.push(`${indent}${words.manualItem}${words.colon} ${row.manual.join(', ')}`);
  if (row.status === 'uncovered') lines.push(`${indent}${words.notCovered}`);
  return lines;
}

type Plural = Intl.LDMLPluralRule;

const WORDS: Record<Lang, { criterion: string; criteria: string; colon: string; checked(p: Plural): string; manual(p: Plural): string; uncovered(p: Plural): string; noScenario: string; manualItem: string; notCovered: string }> = {
  fr: {
    criterion: 'critère',
    criteria: 'critères',
    colon: ' :',
    checked: (p) => (p === 'one' ? 'vérifié' : 'vérifiés'),
    manual: () => 'au jury seul',
    uncovered: (p) => (p === 'one' ? 'non couvert' : 'non couverts'),
    noScenario: '(aucun scénario du référentiel ne l’utilise pour ce critère)',
    manualItem: 'manuel',
    notCovered: '« non couvert »',
  },
  en: {
    criterion: 'criterion',
    criteria: 'criteria',
    colon: ':',
    checked: () => 'checked',
    manual: () => 'left to the jury',
    uncovered: () => 'not covered',
    noScenario: '(no scenario of the framework uses it for this criterion)',
    manualItem: 'manual',
    notCovered: 'not covered',
  },
};
