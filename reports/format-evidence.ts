import type { Lang } from '../runner/i18n.js';
import { pick } from '../runner/i18n.js';
import type { CodeLocation, Evidence } from '../checks/verdict.js';
import { evidenceValue, evidenceWord } from './evidence-words.js';

/** `etl.py:42` or `analyse.ipynb, cellule 3` — how a jury finds the line. */
export function formatLocation(location: CodeLocation, lang: Lang): string {
  if (location.cell !== undefined) {
    const cell = lang === 'fr' ? `cellule ${location.cell}` : `cell ${location.cell}`;
    return `${location.file}, ${cell}${location.line !== undefined ? `:${location.line}` : ''}`;
  }
  return location.line !== undefined ? `${location.file}:${location.line}` : location.file;
}

/**
 * One line per fact: subject, expected vs found, where, then the other values. Evidence terms are shown in `lang`
 * (reports/evidence-words.ts); `data: false` leaves out the raw values (the terminal: they are in the report).
 */
export function formatEvidence(evidence: Evidence, lang: Lang, options: { data?: boolean } = {}): string {
  const parts = [evidenceWord(evidence.subject, lang)];
  const words = lang === 'fr' ? { expected: 'attendu', actual: 'trouvé' } : { expected: 'expected', actual: 'found' };
  if (evidence.expected !== undefined) parts.push(`${words.expected} ${evidenceValue(evidence.expected, lang)}`);
  if (evidence.actual !== undefined) parts.push(`${words.actual} ${evidenceValue(evidence.actual, lang)}`);
  if (evidence.location) parts.push(`@ ${formatLocation(evidence.location, lang)}`);
  let line = parts.join(' — ');
  if (options.data !== false && evidence.data && Object.keys(evidence.data).length > 0) line += ` ${compact(evidence.data)}`;
  if (evidence.note) line += ` (${pick(evidence.note, lang)})`;
  return line;
}

/** Inline JSON, shortened: evidence data can hold long lists (column names, params). */
function compact(data: Record<string, unknown>): string {
  const text = JSON.stringify(data);
  return text.length > 400 ? `${text.slice(0, 397)}…` : text;
}
