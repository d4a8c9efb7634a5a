import type { VerdictStatus } from '../checks/verdict.js';
import { type Lang, pick } from '../runner/i18n.js';
import { COMPETENCY_LABELS, competencyRows } from './competency-table.js';
import { markdownEvidenceTable } from './markdown-evidence.js';
import { escapeInline } from './markdown-renderer.js';
import type { RunReport } from './report.js';
import { headerLines } from './report-header.js';
import type { Renderer } from './renderer.js';
import { mapStrings, plainText } from './safe-text.js';
import { failuresFirst } from './verdict-order.js';
import { countOf } from '../runner/i18n/format.js';

const ICON: Record<VerdictStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️', error: '💥' };
const COMPETENCY_ICON: Record<string, string> = { acquis: '✅', 'non-acquis': '❌', 'a-verifier': '🔎' };
const WORDS = {
  fr: { result: 'Résultat', score: 'Score', toFix: 'À corriger ou à examiner', passed: 'Vérifications réussies ou non évaluées', check: 'Vérification', status: 'Statut', finding: 'Constat', criteria: 'Critères', colon: ' : ', pass: 'réussi', fail: 'échec', error: 'erreur d’exécution', nothing: 'Rien à corriger : toutes les vérifications obligatoires sont réussies.', statuses: { pass: 'réussi', fail: 'échec', warn: 'avertissement', skip: 'non évalué', error: 'erreur' } },
  en: { result: 'Result', score: 'Score', toFix: 'To fix or to look at', passed: 'Checks passed or not judged', check: 'Check', status: 'Status', finding: 'Finding', criteria: 'Criteria', colon: ': ', pass: 'passed', fail: 'failed', error: 'run error', nothing: 'Nothing to fix: every required check passed.', statuses: { pass: 'pass', fail: 'fail', warn: 'warning', skip: 'skipped', error: 'error' } },
} as const;

/**
 * The GitHub job summary ($GITHUB_STEP_SUMMARY): who and what was graded, the competencies, then what failed,
 * each with its found / expected table; the passes folded in a `<details>` a reader opens when they want.
 */
export const githubSummaryRenderer: Renderer = {
  name: 'summary',
  extension: 'summary.md',
  render(unsafe, lang, context = {}) {
    const report = mapStrings(unsafe, plainText);
    const w = WORDS[lang];
    const out: string[] = [`## ${escapeInline(pick(report.scenario.title, lang))}`, ''];
    out.push(`**${w.result}${w.colon}**${w[report.summary.status]} — **${w.score}${w.colon}**${report.summary.score} / ${report.summary.maxScore}`, '');
    for (const line of headerLines(report, lang)) out.push(`- **${line.label}${w.colon}**${escapeInline(line.value)}`);
    out.push('');
    const labels = COMPETENCY_LABELS[lang];
    const rows = competencyRows(report, lang);
    if (rows.length > 0) {
      out.push(`### ${labels.title}`, '', `| ${labels.competency} | ${labels.status} | ${labels.score} |`, '|---|---|---|');
      for (const row of rows) out.push(`| ${row.ref} | ${COMPETENCY_ICON[row.statusId]} ${row.status} | ${row.points} |`);
      out.push('');
    }
    const ordered = failuresFirst(report.verdicts);
    const toFix = ordered.filter((v) => v.status === 'fail' || v.status === 'error' || v.status === 'warn');
    const rest = ordered.filter((v) => !toFix.includes(v));
    out.push(`### ${w.toFix} (${toFix.length})`, '');
    if (toFix.length === 0) out.push(w.nothing, '');
    for (const v of toFix) {
      out.push(`#### ${ICON[v.status]} ${escapeInline(pick(v.title, lang))} (\`${v.id}\`)`, '', escapeInline(pick(v.message, lang)), '', `${w.criteria}${w.colon}${v.criteria.join(', ')}`, '');
      const table = markdownEvidenceTable(v, report, lang, context);
      if (table.length > 0) out.push(...table, '');
    }
    for (const error of report.errors) out.push(`- 💥 **${error.code}**${w.colon}${escapeInline(pick(error.message, lang))}`);
    if (report.errors.length > 0) out.push('');
    if (rest.length > 0) {
      out.push('<details>', `<summary>${w.passed} (${rest.length})</summary>`, '', `| ${w.status} | ${w.check} | ${w.finding} |`, '|---|---|---|');
      for (const v of rest) out.push(`| ${ICON[v.status]} ${w.statuses[v.status]} | ${cell(pick(v.title, lang))} (\`${v.id}\`) | ${cell(pick(v.message, lang))} |`);
      out.push('', '</details>', '');
    }
    const pictures = picturesLine(report, lang);
    if (pictures) out.push(pictures, '');
    return `${out.join('\n').trimEnd()}\n`;
  },
};

/** The job summary cannot show `data:` images: it says how many the HTML report holds. */
function picturesLine(report: RunReport, lang: Lang): string | undefined {
  const shown = report.images?.shown ?? [];
  if (shown.length === 0) return undefined;
  const figures = shown.filter((image) => image.kind === 'figure').length;
  const screenshots = shown.length - figures;
  const parts = lang === 'fr'
    ? [figures ? countOf(figures, 'fr', 'figure enregistrée', 'figures enregistrées') : '', screenshots ? countOf(screenshots, 'fr', 'capture d’écran', 'captures d’écran') : '']
    : [figures ? countOf(figures, 'en', 'saved figure', 'saved figures') : '', screenshots ? countOf(screenshots, 'en', 'screenshot', 'screenshots') : ''];
  const listed = parts.filter(Boolean).join(lang === 'fr' ? ' et ' : ' and ');
  return lang === 'fr' ? `🖼️ ${listed} dans le rapport HTML (report.html).` : `🖼️ ${listed} in the HTML report (report.html).`;
}

function cell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

