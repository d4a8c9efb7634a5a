import { t, type Localized } from '../runner/i18n.js';
import type { RunSummary } from './report.js';

/** The summary's line for verdicts judged on the code read, not run (counted apart), or nothing when none was. */
export function staticCountText(summary: Pick<RunSummary, 'static'>): Localized | undefined {
  const ids = summary.static ?? [];
  if (ids.length === 0) return undefined;
  const list = ids.join(', ');
  return ids.length === 1
    ? t(`1 verdict lu dans le code, non observé à l’exécution : ${list}.`, `1 verdict read in the code, not observed when run: ${list}.`)
    : t(`${ids.length} verdicts lus dans le code, non observés à l’exécution : ${list}.`, `${ids.length} verdicts read in the code, not observed when run: ${list}.`);
}
