import type { VerdictStatus } from '../checks/verdict.js';
import { type Lang, pick } from '../runner/i18n.js';
import { alsoCoversLines, COMPETENCY_LABELS, competencyRows } from './competency-table.js';
import { environmentDetails, environmentHeadline } from './format-environment.js';
import { formatDuration } from '../runner/i18n/format.js';
import { environmentProblems } from './environment-problems.js';
import { markdownEvidenceTable } from './markdown-evidence.js';
import { headerLines } from './report-header.js';
import { imageDescription } from './pictures/saved-images.js';
import { failuresFirst } from './verdict-order.js';
import { planSection } from './plan-section.js';
import type { RunReport } from './report.js';
import type { Renderer } from './renderer.js';
import { mapStrings, plainText } from './safe-text.js';
import { staticCountText } from './static-count.js';

const ICON: Record<VerdictStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️', error: '💥' };
const RUN_ICON = { pass: '✅', fail: '❌', error: '💥' } as const;

const WORDS = {
  fr: {
    result: 'Résultat', score: 'Score', submission: 'Soumission', sandbox: 'Bac à sable', check: 'Vérification', status: 'Statut',
    message: 'Constat', details: 'Détails des points à corriger', steps: 'Étapes', step: 'Étape', duration: 'Durée', exit: 'Sortie',
    assumptions: 'Hypothèses de l’outil', refused: 'Fichiers non copiés', manual: 'Grille du jury (critères non automatisables)',
    images: 'Images (miniatures dans le rapport HTML)', notShown: 'non montrée',
    runErrors: 'Exécution impossible', pythonEnvironment: 'Environnement Python', environment: 'Problèmes d’environnement (pas le code de l’équipe)', origin: 'Origine', owner_candidate: 'équipe', owner_environment: 'environnement', owner_grader: 'correcteur', status_pass: 'réussi', status_fail: 'échec', status_error: 'erreur d’exécution', status_notJudged: 'non évaluable ici (environnement)', criteria: 'critères',
  },
  en: {
    result: 'Result', score: 'Score', submission: 'Submission', sandbox: 'Sandbox', check: 'Check', status: 'Status',
    message: 'Finding', details: 'Details of what to fix', steps: 'Steps', step: 'Step', duration: 'Duration', exit: 'Exit',
    assumptions: 'What the tool assumed', refused: 'Files not copied', manual: 'Jury grid (criteria not automated)',
    images: 'Pictures (thumbnails in the HTML report)', notShown: 'not shown',
    runErrors: 'Run could not be done', pythonEnvironment: 'Python environment', environment: 'Environment problems (not the team’s code)', origin: 'Origin', owner_candidate: 'team', owner_environment: 'environment', owner_grader: 'grader', status_pass: 'passed', status_fail: 'failed', status_error: 'run error', status_notJudged: 'could not be judged here (environment)', criteria: 'criteria',
  },
} as const;

/** Markdown for humans: the candidate's feedback, a PR comment, the GitHub job summary. */
export const markdownRenderer: Renderer = {
  name: 'md',
  extension: 'md',
  render(unsafe, lang, context = {}) {
    const report = mapStrings(unsafe, plainText);
    const w = WORDS[lang];
    const out: string[] = [];
    const { summary } = report;
    out.push(`# ${escapeInline(pick(report.scenario.title, lang))}`, '');
    out.push(`**${w.result}:** ${RUN_ICON[summary.status]} ${summary.status === 'error' && report.errors.length === 0 ? w.status_notJudged : w[`status_${summary.status}`]} — **${w.score}:** ${summary.score} / ${summary.maxScore}`);
    const read = staticCountText(summary);
    if (read) out.push('', `> ${escapeInline(pick(read, lang))}`, '');
    const colon = lang === 'fr' ? ' : ' : ': ';
    for (const line of headerLines(report, lang)) out.push(`- **${line.label}${colon}**${escapeInline(line.value)}`);
    out.push('');
    if (report.sandbox.notice) out.push(`> ${escapeInline(pick(report.sandbox.notice, lang))}`, '');

    if (report.errors.length > 0) {
      out.push(`## 💥 ${w.runErrors}`, '');
      for (const error of report.errors) {
        out.push(`- **${error.code}**: ${escapeInline(pick(error.message, lang))}`);
        for (const detail of error.details) out.push(`  - ${escapeInline(detail)}`);
        if (error.hint) out.push(`  - ➜ ${escapeInline(pick(error.hint, lang))}`);
      }
      out.push('');
    }

    const problems = environmentProblems(report.steps);
    if (problems.length > 0) {
      out.push(`## ⚠️ ${w.environment}`, '');
      for (const problem of problems) {
        for (const item of problem.items) out.push(`- \`${escapeInline(item.step)}\` (${item.cause}): ${escapeInline(pick(item.message, lang))}`);
        out.push(`  - ➜ ${escapeInline(pick(problem.hint, lang))}`);
      }
      out.push('');
    }

    renderCompetencies(report, lang, out);
    if (report.verdicts.length > 0) {
      out.push(`| ${w.status} | ${w.check} | ${w.score} | ${w.message} |`, '|---|---|---|---|');
      for (const v of failuresFirst(report.verdicts)) {
        out.push(`| ${ICON[v.status]} ${v.status} | ${cell(pick(v.title, lang))} (\`${v.id}\`) | ${round(v.score)} × ${v.weight} | ${cell(pick(v.message, lang))} |`);
      }
      out.push('');
      const toFix = failuresFirst(report.verdicts).filter((v) => v.status !== 'pass' && v.status !== 'skip');
      if (toFix.length > 0) {
        out.push(`## ${w.details}`, '');
        for (const v of toFix) {
          out.push(`### ${ICON[v.status]} ${escapeInline(pick(v.title, lang))} (\`${v.id}\`)`, '', escapeInline(pick(v.message, lang)), '');
          out.push(`${w.criteria}: ${v.criteria.join(', ')}`, '');
          const table = markdownEvidenceTable(v, report, lang, context);
          if (table.length > 0) out.push(...table, '');
        }
      }
    }

    renderPlan(report, lang, out);
    if (report.environment) renderList(`## ${w.pythonEnvironment}`, [environmentHeadline(report.environment, lang), ...environmentDetails(report.environment, lang)], out);
    renderSteps(report, lang, out);
    renderImages(report, lang, out);
    renderList(`## ${w.assumptions}`, report.assumptions.map((a) => pick(a, lang)), out);
    renderList(`## ${w.refused}`, report.submission.refused.map((r) => pick(r.message, lang)), out);
    if (report.manual.length > 0) {
      out.push(`## ${w.manual}`, '');
      for (const item of report.manual) out.push(`- [ ] ${escapeInline(pick(item.label, lang))} (${item.criteria.join(', ')})`);
      out.push('');
    }
    return `${out.join('\n').trimEnd()}\n`;
  },
};

/** Markdown cannot carry the thumbnails where it is read (GitHub drops `data:` images): each is named in words. */
function renderImages(report: RunReport, lang: Lang, out: string[]): void {
  if (!report.images) return;
  const w = WORDS[lang];
  const colon = lang === 'fr' ? ' : ' : ': ';
  renderList(`## ${w.images}`, [
    ...report.images.shown.map((image) => imageDescription(image, lang)),
    ...report.images.notShown.map((item) => `${item.source} — ${w.notShown}${colon}${pick(item.why, lang)}`),
  ], out);
}

const COMPETENCY_ICON: Record<string, string> = { acquis: '✅', 'non-acquis': '❌', 'a-verifier': '🔎' };

function renderCompetencies(report: RunReport, lang: Lang, out: string[]): void {
  const w = COMPETENCY_LABELS[lang];
  const rows = competencyRows(report, lang);
  out.push(`## ${w.title} (${report.competencies.framework})`, '');
  if (rows.length === 0) out.push(w.none, '');
  else {
    out.push(`| ${w.competency} | ${w.status} | ${w.score} | ${w.checks} | ${w.why} |`, '|---|---|---|---|---|');
    for (const row of rows) out.push(`| ${cell(row.ref)} | ${COMPETENCY_ICON[row.statusId]} ${row.status} | ${row.points} | ${cell(row.checks)} | ${cell(row.why) || '–'} |`);
    out.push('');
  }
  renderList(`**${w.alsoCovers}**`, alsoCoversLines(report, lang), out);
}

function renderPlan(report: RunReport, lang: Lang, out: string[]): void {
  const plan = planSection(report, lang);
  if (!plan) return;
  out.push(`## ${plan.title}`, '');
  if (plan.rows.length > 0) {
    out.push(`| ${plan.words.step} | ${plan.words.run} | ${plan.words.cwd} | ${plan.words.reason} |`, '|---|---|---|---|');
    for (const row of plan.rows) out.push(`| \`${cell(row.step)}\` | \`${cell(row.run)}\` | ${cell(row.cwd)} | ${cell(row.reason)} |`);
    out.push('');
  }
  for (const note of plan.notes) out.push(`> ${escapeInline(note)}`, '');
  if (plan.requirements.length > 0) out.push(`${plan.words.requirements}${plan.words.colon}${escapeInline(plan.requirements.join(', '))}`, '');
  renderList(`### ${plan.words.skipped}`, plan.skipped, out);
}

function renderSteps(report: RunReport, lang: Lang, out: string[]): void {
  if (report.steps.length === 0) return;
  const w = WORDS[lang];
  out.push(`## ${w.steps}`, '', `| ${w.step} | ${w.status} | ${w.exit} | ${w.origin} | ${w.duration} |`, '|---|---|---|---|---|');
  for (const step of report.steps) {
    const status = step.stoppedFor ? `${step.status} (${cell(step.stoppedFor)})` : step.status;
    const origin = step.failure ? `${w[`owner_${step.failure.owner}`]} (${step.failure.cause})` : '–';
    out.push(`| \`${cell(step.id)}\` | ${status} | ${step.exitCode ?? step.signal ?? '–'} | ${origin} | ${formatDuration(step.durationMs, lang)} |`);
  }
  out.push('');
}

function renderList(title: string, items: string[], out: string[]): void {
  if (items.length === 0) return;
  out.push(title, '', ...items.map((item) => `- ${escapeInline(item)}`), '');
}

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Candidate-controlled text made inert Markdown (GitHub's flavour: report.md and the job summary): one line, no
 * HTML (`<` and `>` as entities), no link, image or reference (`[`, `]` and backticks escaped), no emphasis
 * markers around words, no heading. Extended autolinks — `https://…`, `www.…`, `name@host`, `@mention`,
 * `#123` — are broken by a zero-width space (U+200B), which a reader does not see.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`[\]]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(?<![\p{L}\p{N}])[*_~]|[*_~](?![\p{L}\p{N}])/gu, '\\$&')
    .replace(/^(\s*)#/, '$1\\#')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/(?<![\p{L}\p{N}])(www)\./giu, '$1\u200b.')
    .replace(/@(?=[\p{L}\p{N}])|#(?=\p{N})/gu, '$&\u200b');
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
