import { staticCountText } from './static-count.js';
import escapeHtml from 'escape-html';
import type { VerdictStatus } from '../checks/verdict.js';
import { type Lang, pick } from '../runner/i18n.js';
import { alsoCoversLines, COMPETENCY_LABELS, competencyRows } from './competency-table.js';
import { environmentDetails, environmentHeadline } from './format-environment.js';
import { formatDuration } from '../runner/i18n/format.js';
import { environmentProblems } from './environment-problems.js';
import { planSection } from './plan-section.js';
import type { RunReport } from './report.js';
import type { Renderer } from './renderer.js';
import { HTML_STYLE, pageStyle } from './html-style.js';
import { evidenceRow } from './evidence-view.js';
import { juryGrid } from './jury-grid.js';
import { competencyGridSvg } from './pictures/competency-grid-svg.js';
import { picturesSection } from './pictures/pictures-section.js';
import { headerLines, juryDate } from './report-header.js';
import { type RenderContext, sourceHref } from './source-links.js';
import { failuresFirst } from './verdict-order.js';
import type { Verdict } from '../checks/verdict.js';
import { mapStrings, plainText } from './safe-text.js';

const STATUS_TEXT: Record<Lang, Record<VerdictStatus, string>> = {
  fr: { pass: 'réussi', fail: 'échec', warn: 'avertissement', skip: 'non évalué', error: 'erreur' },
  en: { pass: 'pass', fail: 'fail', warn: 'warning', skip: 'skipped', error: 'error' },
};
const WORDS = {
  fr: { report: 'Rapport d’évaluation', checks: 'Vérifications', result: 'Résultat', submission: 'Soumission', sandbox: 'Bac à sable', check: 'Vérification', status: 'Statut', score: 'Score', finding: 'Constat', evidence: 'Preuves', criteria: 'Critères', steps: 'Étapes', step: 'Étape', exit: 'Sortie', duration: 'Durée', assumptions: 'Hypothèses de l’outil', refused: 'Fichiers non copiés', manual: 'Grille du jury', runErrors: 'Exécution impossible', pythonEnvironment: 'Environnement Python', environment: 'Problèmes d’environnement (pas le code de l’équipe)', origin: 'Origine', owner_candidate: 'équipe', owner_environment: 'environnement', owner_grader: 'correcteur', pass: 'RÉUSSI', fail: 'ÉCHEC', error: 'ERREUR D’EXÉCUTION', colon: ' : ', failuresFirst: 'échecs en premier', details: 'Preuves, vérification par vérification', subject: 'Objet', found: 'Trouvé', expected: 'Attendu', where: 'Où', other: 'Autres valeurs' },
  en: { report: 'Grading report', checks: 'Checks', result: 'Result', submission: 'Submission', sandbox: 'Sandbox', check: 'Check', status: 'Status', score: 'Score', finding: 'Finding', evidence: 'Evidence', criteria: 'Criteria', steps: 'Steps', step: 'Step', exit: 'Exit', duration: 'Duration', assumptions: 'What the tool assumed', refused: 'Files not copied', manual: 'Jury grid', runErrors: 'Run could not be done', pythonEnvironment: 'Python environment', environment: 'Environment problems (not the team’s code)', origin: 'Origin', owner_candidate: 'team', owner_environment: 'environment', owner_grader: 'grader', pass: 'PASSED', fail: 'FAILED', error: 'RUN ERROR', colon: ': ', failuresFirst: 'failures first', details: 'Evidence, check by check', subject: 'Subject', found: 'Found', expected: 'Expected', where: 'Where', other: 'Other values' },
} as const;

const e = (text: string | number) => escapeHtml(String(text));

/**
 * One self-contained, accessible HTML page per run: no script, no external resource, semantic tables with
 * captions and header scopes, statuses written in words (never by colour alone), the page's language set.
 * Every candidate-controlled string goes through escape-html, after losing its control characters and
 * terminal escapes (plain text: HTML would show them as garbage or U+FFFD).
 */
export const htmlRenderer: Renderer = {
  name: 'html',
  extension: 'html',
  render(unsafe, lang, context = {}) {
    const report = mapStrings(unsafe, plainText);
    const w = WORDS[lang];
    const title = `${w.report} — ${pick(report.scenario.title, lang)}`;
    const who = report.team?.name ?? report.submission.source;
    const running = pageStyle(`${who} — ${report.scenario.id}`, juryDate(report.startedAt, lang));
    const body = [
      `<header><h1>${e(pick(report.scenario.title, lang))}</h1>`,
      `<p class="outcome outcome-${report.summary.status}"><strong>${w.result}${w.colon}</strong>${w[report.summary.status]} — ${w.score} ${e(report.summary.score)} / ${e(report.summary.maxScore)}</p>`,
      `<dl>${headerLines(report, lang).map((line) => `<dt>${e(line.label)}</dt><dd>${valueHtml(line.value, line.href, line.code)}</dd>`).join('')}</dl>`,
      staticCountText(report.summary) ? `<p role="note" class="notice">${e(pick(staticCountText(report.summary)!, lang))}</p>` : '',
      report.sandbox.notice ? `<p role="note" class="notice">${e(pick(report.sandbox.notice, lang))}</p>` : '',
      '</header><main>',
      competencyTable(report, lang),
      runErrors(report, lang),
      environmentSection(report, lang),
      verdictTable(report, lang),
      picturesSection(report, lang, context),
      verdictDetails(report, lang, context),
      planTable(report, lang),
      report.environment ? list(w.pythonEnvironment, [environmentHeadline(report.environment, lang), ...environmentDetails(report.environment, lang)]) : '',
      stepTable(report, lang),
      list(w.assumptions, report.assumptions.map((a) => pick(a, lang))),
      list(w.refused, report.submission.refused.map((r) => pick(r.message, lang))),
      juryGrid(report, lang),
      '</main>',
    ].join('\n');
    return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${e(title)}</title>\n<style>${HTML_STYLE}${running}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
  },
};

function valueHtml(value: string, href: string | undefined, code: boolean | undefined): string {
  const text = code ? `<code>${e(value)}</code>` : e(value);
  return href ? `<a href="${e(href)}">${text}</a>` : text;
}

function runErrors(report: RunReport, lang: Lang): string {
  if (report.errors.length === 0) return '';
  const items = report.errors.map(
    (error) =>
      `<li><strong>${e(error.code)}</strong> : ${e(pick(error.message, lang))}${error.details.length ? `<ul>${error.details.map((d) => `<li>${e(d)}</li>`).join('')}</ul>` : ''}${error.hint ? `<p>➜ ${e(pick(error.hint, lang))}</p>` : ''}</li>`,
  );
  return `<section aria-labelledby="run-errors"><h2 id="run-errors">${WORDS[lang].runErrors}</h2><ul>${items.join('')}</ul></section>`;
}

function environmentSection(report: RunReport, lang: Lang): string {
  const problems = environmentProblems(report.steps);
  if (problems.length === 0) return '';
  const items = problems.map((problem) => `<li><ul>${problem.items.map((item) => `<li><code>${e(item.step)}</code> (${e(item.cause)}) : ${e(pick(item.message, lang))}</li>`).join('')}</ul><p>➜ ${e(pick(problem.hint, lang))}</p></li>`);
  return `<section aria-labelledby="environment"><h2 id="environment">${WORDS[lang].environment}</h2><ul>${items.join('')}</ul></section>`;
}

function competencyTable(report: RunReport, lang: Lang): string {
  const w = COMPETENCY_LABELS[lang];
  const rows = competencyRows(report, lang).map(
    (row) => `<tr><th scope="row">${e(row.ref)}</th><td><span class="badge competency-${row.statusId}">${e(row.status)}</span></td><td>${e(row.points)}</td><td>${e(row.checks)}</td><td>${e(row.why || '–')}</td></tr>`,
  );
  const table = rows.length === 0 ? `<p>${w.none}</p>` : `<table><caption>${w.title} — ${e(report.competencies.framework)}</caption><thead><tr><th scope="col">${w.competency}</th><th scope="col">${w.status}</th><th scope="col">${w.score}</th><th scope="col">${w.checks}</th><th scope="col">${w.why}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const also = alsoCoversLines(report, lang);
  const alsoList = also.length === 0 ? '' : `<h3>${w.alsoCovers}</h3><ul>${also.map((line) => `<li>${e(line)}</li>`).join('')}</ul>`;
  return `<section aria-labelledby="competencies"><h2 id="competencies">${w.title}</h2>${competencyGridSvg(report.competencies, lang)}${table}${alsoList}</section>`;
}

function verdictTable(report: RunReport, lang: Lang): string {
  if (report.verdicts.length === 0) return '';
  const w = WORDS[lang];
  const rows = failuresFirst(report.verdicts).map(
    (v) => `<tr class="status-${v.status}"><th scope="row"><a href="#${anchor(v)}">${e(pick(v.title, lang))}</a><br><code>${e(v.id)}</code></th><td><span class="badge badge-${v.status}">${STATUS_TEXT[lang][v.status]}</span></td><td class="nowrap">${e(Math.round(v.score * 100) / 100)} × ${e(v.weight)}</td><td>${e(pick(v.message, lang))}</td><td>${e(v.criteria.join(', '))}</td></tr>`,
  );
  return `<section aria-labelledby="verdicts"><h2 id="verdicts">${w.checks}</h2><table><caption>${w.checks} — ${e(report.scenario.id)} (${w.failuresFirst})</caption><thead><tr><th scope="col">${w.check}</th><th scope="col">${w.status}</th><th scope="col">${w.score}</th><th scope="col">${w.finding}</th><th scope="col">${w.criteria}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

/** Each verdict's facts as a table of found / expected, failures first, with links to the lines. */
function verdictDetails(report: RunReport, lang: Lang, context: RenderContext): string {
  const withEvidence = failuresFirst(report.verdicts).filter((v) => v.evidence.length > 0);
  if (withEvidence.length === 0) return '';
  const w = WORDS[lang];
  const articles = withEvidence.map((v) => {
    const rows = v.evidence.map((item) => {
      const row = evidenceRow(item, lang);
      const href = item.location ? sourceHref(report, item.location, context) : undefined;
      const where = row.where ? (href ? `<a href="${e(href)}">${e(row.where)}</a>` : `<code>${e(row.where)}</code>`) : '–';
      const details = [...row.details.map(([label, value]) => `${e(label)}${w.colon}${e(value)}`), ...(row.note ? [e(row.note)] : [])].join('<br>') || '–';
      return `<tr><th scope="row">${e(row.subject)}</th><td>${e(row.found)}</td><td>${e(row.expected)}</td><td${row.where && row.where.length < 32 ? ' class="nowrap"' : ''}>${where}</td><td>${details}</td></tr>`;
    });
    return `<article id="${anchor(v)}" aria-labelledby="${anchor(v)}-title"><div class="verdict-head"><h3 id="${anchor(v)}-title"><span class="badge badge-${v.status}">${STATUS_TEXT[lang][v.status]}</span> ${e(pick(v.title, lang))} <code>${e(v.id)}</code></h3><p>${e(pick(v.message, lang))}</p></div><table class="evidence"><caption>${w.evidence} — ${e(v.id)}</caption><thead><tr><th scope="col">${w.subject}</th><th scope="col">${w.found}</th><th scope="col">${w.expected}</th><th scope="col">${w.where}</th><th scope="col">${w.other}</th></tr></thead><tbody>${rows.join('')}</tbody></table></article>`;
  });
  return `<section aria-labelledby="details"><h2 id="details">${w.details}</h2>${articles.join('')}</section>`;
}

/** A fragment id from a verdict id (`db/rows-match-source` → `verdict-db-rows-match-source`). */
function anchor(v: Verdict): string {
  return `verdict-${v.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function planTable(report: RunReport, lang: Lang): string {
  const plan = planSection(report, lang);
  if (!plan) return '';
  const w = plan.words;
  const rows = plan.rows.map((r) => `<tr><th scope="row"><code>${e(r.step)}</code></th><td><code>${e(r.run)}</code></td><td><code>${e(r.cwd)}</code></td><td>${e(r.reason)}</td></tr>`);
  const table = rows.length ? `<table><caption>${e(plan.title)}</caption><thead><tr><th scope="col">${w.step}</th><th scope="col">${w.run}</th><th scope="col">${w.cwd}</th><th scope="col">${w.reason}</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '';
  const notes = plan.notes.map((note) => `<p role="note" class="notice">${e(note)}</p>`).join('');
  const requirements = plan.requirements.length ? `<p>${w.requirements}${w.colon}${e(plan.requirements.join(', '))}</p>` : '';
  const skipped = plan.skipped.length ? `<h3>${w.skipped}</h3><ul>${plan.skipped.map((item) => `<li>${e(item)}</li>`).join('')}</ul>` : '';
  return `<section aria-labelledby="plan"><h2 id="plan">${e(plan.title)}</h2>${table}${notes}${requirements}${skipped}</section>`;
}

function stepTable(report: RunReport, lang: Lang): string {
  if (report.steps.length === 0) return '';
  const w = WORDS[lang];
  const rows = report.steps.map(
    (s) => `<tr><th scope="row"><code>${e(s.id)}</code></th><td>${e(s.stoppedFor ? `${s.status} (${s.stoppedFor})` : s.status)}</td><td>${e(s.exitCode ?? s.signal ?? '–')}</td><td>${s.failure ? `${w[`owner_${s.failure.owner}`]} (${e(s.failure.cause)})` : '–'}</td><td>${e(formatDuration(s.durationMs, lang))}</td></tr>`,
  );
  return `<section aria-labelledby="steps"><h2 id="steps">${w.steps}</h2><table><caption>${w.steps}</caption><thead><tr><th scope="col">${w.step}</th><th scope="col">${w.status}</th><th scope="col">${w.exit}</th><th scope="col">${w.origin}</th><th scope="col">${w.duration}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function list(title: string, items: string[]): string {
  if (items.length === 0) return '';
  const id = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return `<section aria-labelledby="${id}"><h2 id="${id}">${e(title)}</h2><ul>${items.map((item) => `<li>${e(item)}</li>`).join('')}</ul></section>`;
}
