import type { VerdictStatus } from '../../checks/verdict.js';
import type { Lang } from '../i18n.js';
import { countOf } from './format.js';

/** A verdict status as people read it, in the singular and plural (`11 réussis, 1 échec`). */
const WORDS: Record<Lang, Record<VerdictStatus, [one: string, other: string]>> = {
  fr: { pass: ['réussi', 'réussis'], fail: ['échec', 'échecs'], warn: ['avertissement', 'avertissements'], skip: ['non évalué', 'non évalués'], error: ['erreur', 'erreurs'] },
  en: { pass: ['passed', 'passed'], fail: ['failed', 'failed'], warn: ['warning', 'warnings'], skip: ['skipped', 'skipped'], error: ['error', 'errors'] },
};

/** `réussi` / `passed`: the label of one verdict. */
export function statusWord(status: VerdictStatus, lang: Lang): string {
  return WORDS[lang][status][0];
}

/** `11 réussis, 1 échec` / `11 passed, 1 failed`: the non-zero counts, in the order of `counts`. */
export function statusCounts(counts: Partial<Record<VerdictStatus, number>>, lang: Lang): string {
  return Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([status, n]) => countOf(n!, lang, ...WORDS[lang][status as VerdictStatus]))
    .join(', ');
}
