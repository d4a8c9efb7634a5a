import type { VerdictStatus } from '../../checks/verdict.js';
import { environmentDetails, environmentHeadline } from '../../reports/format-environment.js';
import { environmentProblems } from '../../reports/environment-problems.js';
import { formatEvidence } from '../../reports/format-evidence.js';
import { staticCountText } from '../../reports/static-count.js';
import type { RunReport } from '../../reports/report.js';
import { mapStrings, terminalLine } from '../../reports/safe-text.js';
import { type Lang, pick } from '../i18n.js';
import { paint } from './terminal-style.js';
import { formatScore, frenchTypography } from '../i18n/format.js';
import { statusCounts, statusWord } from '../i18n/status-words.js';

const MARK: Record<VerdictStatus, [string, 'green' | 'red' | 'yellow' | 'gray' | 'magenta']> = {
  pass: ['✔', 'green'],
  fail: ['✘', 'red'],
  warn: ['!', 'yellow'],
  skip: ['-', 'gray'],
  error: ['⚠', 'magenta'],
};

/**
 * The terminal summary: one line per verdict, the evidence of what is not passing, then the outcome. Every string
 * of the report is a single line without escapes first: a candidate's exception message can neither clear the
 * screen nor print a line that looks like the outcome.
 */
export function formatSummary(unsafe: RunReport, lang: Lang, unsafeFiles: string[]): string {
  const report = mapStrings(unsafe, terminalLine);
  const files = unsafeFiles.map(terminalLine);
  const fr = lang === 'fr';
  const lines: string[] = [];
  const commit = report.submission.commit ? ` @ ${report.submission.commit.slice(0, 10)}` : '';
  lines.push(paint('bold', `${pick(report.scenario.title, lang)} (${report.scenario.id})`));
  lines.push(`${fr ? 'Soumission :' : 'Submission:'} ${report.submission.source}${commit} — ${fr ? 'bac à sable :' : 'sandbox:'} ${report.sandbox.backend}${report.sandbox.isolated ? '' : fr ? ' (non isolé)' : ' (not isolated)'}`);
  if (report.assumptions.length > 0) {
    lines.push(fr ? 'Hypothèses :' : 'Assumptions:');
    for (const assumption of report.assumptions) lines.push(paint('dim', `  - ${pick(assumption, lang)}`));
  }
  for (const refused of report.submission.refused) lines.push(paint('yellow', `! ${pick(refused.message, lang)}`));
  if (report.environment && report.environment.status !== 'none') {
    const color = report.environment.status === 'ready' ? 'dim' : 'yellow';
    lines.push(paint(color, environmentHeadline(report.environment, lang)));
    for (const line of environmentDetails(report.environment, lang)) lines.push(paint(color, `    ${line}`));
  }
  report.errors.forEach((error, index) => {
    lines.push(paint('red', `⚠ ${error.code}: ${pick(error.message, lang)}`));
    for (const detail of error.details) lines.push(`    - ${detail}`);
    // The excerpt (a YAML error's lines and caret) is split before each line is made plain, so it keeps its
    // shape; indented, none of the candidate's text starts a line of its own.
    const excerpt = unsafe.errors[index]?.excerpt;
    if (excerpt) for (const line of excerpt.split('\n')) lines.push(`      ${terminalLine(line)}`);
    if (error.hint) lines.push(`    ➜ ${pick(error.hint, lang)}`);
  });
  lines.push(...environmentBlock(report, lang));
  lines.push('');
  const width = Math.max(0, ...report.verdicts.map((v) => v.id.length));
  const statusWidth = Math.max(0, ...report.verdicts.map((v) => statusWord(v.status, lang).length));
  for (const verdict of report.verdicts) {
    const [mark, color] = MARK[verdict.status];
    lines.push(`  ${paint(color, `${mark} ${statusWord(verdict.status, lang).padEnd(statusWidth)}`)} ${verdict.id.padEnd(width)}  ${pick(verdict.message, lang)}`);
    if (verdict.status !== 'pass' && verdict.status !== 'skip') {
      for (const evidence of verdict.evidence.slice(0, 8)) lines.push(paint('dim', `      · ${formatEvidence(evidence, lang, { data: false })}`));
      if (verdict.evidence.length > 8) lines.push(paint('dim', `      · … (+${verdict.evidence.length - 8})`));
    }
  }
  const { summary } = report;
  const notJudged = summary.status === 'error' && report.errors.length === 0;
  const outcome = notJudged ? (fr ? 'NON ÉVALUABLE ICI' : 'COULD NOT BE JUDGED HERE') : { pass: fr ? 'RÉUSSI' : 'PASSED', fail: fr ? 'ÉCHEC' : 'FAILED', error: fr ? 'EXÉCUTION IMPOSSIBLE' : 'RUN ERROR' }[summary.status];
  const color = summary.status === 'pass' ? 'green' : 'red';
  lines.push('');
  const counts = statusCounts(summary.counts, lang);
  // No verdict at all (the run could not be done): no dangling dash.
  lines.push(`${paint(['bold', color], outcome)} — ${fr ? 'note' : 'score'} ${formatScore(summary.score, summary.maxScore, lang)}${counts ? ` — ${counts}` : ''}`);
  const read = staticCountText(summary);
  if (read) lines.push(paint('yellow', pick(read, lang)));
  if (files.length > 0) lines.push(`${fr ? 'Rapports :' : 'Reports:'} ${files.join(', ')}`);
  // French typography on our words; paths and code keep their colons (frenchTypography leaves `a:b` alone).
  return fr ? lines.map(frenchTypography).join('\n') : lines.join('\n');
}

/** One block for every problem that is not the team's code, each group with what to do about it. */
function environmentBlock(report: RunReport, lang: Lang): string[] {
  const problems = environmentProblems(report.steps);
  if (problems.length === 0) return [];
  const fr = lang === 'fr';
  const lines = ['', paint(['bold', 'magenta'], fr ? 'Problèmes d’environnement (pas le code de l’équipe) :' : 'Environment problems (not the team’s code):')];
  for (const problem of problems) {
    for (const item of problem.items) lines.push(paint('magenta', `  ⚠ ${item.step} — ${pick(item.message, lang)}`));
    lines.push(`    ➜ ${pick(problem.hint, lang)}`);
  }
  return lines;
}
