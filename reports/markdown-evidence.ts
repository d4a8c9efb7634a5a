import type { Verdict } from '../checks/verdict.js';
import type { Lang } from '../runner/i18n.js';
import { evidenceRow } from './evidence-view.js';
import { escapeInline } from './markdown-renderer.js';
import type { RunReport } from './report.js';
import { type RenderContext, sourceHref } from './source-links.js';

const WORDS = {
  fr: { subject: 'Objet', found: 'Trouvé', expected: 'Attendu', where: 'Où', other: 'Autres valeurs', colon: ' : ' },
  en: { subject: 'Subject', found: 'Found', expected: 'Expected', where: 'Where', other: 'Other values', colon: ': ' },
} as const;

/** A verdict's facts as a Markdown table of found / expected, with links to the lines when there are some. */
export function markdownEvidenceTable(verdict: Verdict, report: RunReport, lang: Lang, context: RenderContext = {}): string[] {
  if (verdict.evidence.length === 0) return [];
  const w = WORDS[lang];
  const lines = [`| ${w.subject} | ${w.found} | ${w.expected} | ${w.where} | ${w.other} |`, '|---|---|---|---|---|'];
  for (const item of verdict.evidence) {
    const row = evidenceRow(item, lang);
    // Markdown links only to the commit on a known forge: a relative link means nothing in a job summary or a PR.
    const href = item.location && report.submission.kind === 'git' ? sourceHref(report, item.location, context) : undefined;
    // The link target is built from encoded path segments only; its text is escaped like any candidate string.
    const where = row.where ? (href ? `[${cell(row.where)}](${href.replace(/[()\s]/g, encodeURIComponent)})` : `\`${row.where.replace(/[`|]/g, '')}\``) : '–';
    const other = [...row.details.map(([label, value]) => `${label}${w.colon}${value}`), ...(row.note ? [row.note] : [])].map(cell).join('<br>') || '–';
    lines.push(`| ${cell(row.subject)} | ${cell(row.found)} | ${cell(row.expected)} | ${where} | ${other} |`);
  }
  return lines;
}

function cell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}
