import escapeHtml from 'escape-html';
import { COMPETENCY_WORDS, type CompetencyStatus } from '../../reports/competencies.js';
import { HTML_STYLE } from '../../reports/html-style.js';
import { type Lang, pick } from '../i18n.js';
import type { BatchSummary } from './batch-summary.js';

const WORDS = {
  fr: { title: 'Promotion', team: 'Équipe', status: 'Statut', score: 'Score', grid: 'Équipes × compétences', distribution: 'Répartition par critère', criterion: 'Critère', notGraded: 'non évaluée', report: 'rapport' },
  en: { title: 'Promotion', team: 'Team', status: 'Status', score: 'Score', grid: 'Teams × competencies', distribution: 'Distribution per criterion', criterion: 'Criterion', notGraded: 'not graded', report: 'report' },
};
const STATUSES: CompetencyStatus[] = ['acquis', 'non-acquis', 'a-verifier'];

/**
 * `overview.html`: the teams × competencies grid (each status as a word on its colour, so colour is never the
 * only cue), the distribution of each criterion across the promotion, and a link to each team's report.
 */
export function renderOverview(summary: BatchSummary, lang: Lang): string {
  const w = WORDS[lang];
  const codes = Object.keys(summary.distribution);
  const e = (text: string | number) => escapeHtml(String(text));
  const head = `<tr><th scope="col">${w.team}</th><th scope="col">${w.status}</th><th scope="col">${w.score}</th>${codes.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr>`;
  const rows = summary.teams.map((team) => {
    const name = team.report ? `<a href="${e(team.report.replace(/\.json$/, '.html'))}">${e(team.team)}</a>` : e(team.team);
    const score = team.score === null ? '–' : `${Math.round(team.score * 100) / 100} / ${team.maxScore}`;
    const status = team.status === 'not-graded' ? w.notGraded : team.status;
    const why = team.reason ? `<br><small>${e(pick(team.reason, lang))}</small>` : '';
    const cells = codes.map((code) => {
      const value = team.competencies[code];
      return value ? `<td><span class="badge competency-${value}">${e(COMPETENCY_WORDS[lang][value])}</span></td>` : '<td>–</td>';
    });
    return `<tr><th scope="row">${name}</th><td>${e(status)}${why}</td><td>${e(score)}</td>${cells.join('')}</tr>`;
  });
  const distribution = codes.map((code) => `<tr><th scope="row">${e(code)}</th>${STATUSES.map((s) => `<td>${summary.distribution[code]![s]}</td>`).join('')}</tr>`);
  const t = summary.totals;
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${w.title} — ${e(summary.scenario.id)}</title><style>${HTML_STYLE}</style></head><body>
<h1>${w.title} — ${e(summary.scenario.id)}</h1>
<p>${t.teams} · pass ${t.pass} · fail ${t.fail} · error ${t.error}${t.notGraded > 0 ? ` · ${w.notGraded} ${t.notGraded}` : ''}</p>
<table><caption>${w.grid}</caption><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table>
<table><caption>${w.distribution}</caption><thead><tr><th scope="col">${w.criterion}</th>${STATUSES.map((s) => `<th scope="col">${e(COMPETENCY_WORDS[lang][s])}</th>`).join('')}</tr></thead><tbody>${distribution.join('\n')}</tbody></table>
</body></html>
`;
}
