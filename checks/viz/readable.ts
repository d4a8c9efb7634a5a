import { byLang, joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { type Chart, chartsOf } from './support/charts.js';
import { factsOrStatic } from '../support/facts-or-static.js';
import { ofTypes } from '../support/static-basis.js';
import { NO_TRACE, traced, where } from '../support/trace-support.js';

export default defineCheck({
  meta: {
    id: 'viz/readable',
    title: { fr: 'Graphiques lisibles : titre et noms des axes', en: 'Readable charts: title and axis labels' },
    criteria: ['cdp-data-ia:C2.4'],
    evidence: ['trace', 'static'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      pass: { fr: 'Les {count} graphiques ont un titre et des axes nommés.', en: 'All {count} charts have a title and named axes.' },
      noCharts: { fr: 'Aucun graphique tracé.', en: 'No chart drawn.' },
      fail: {
        fr: 'Graphiques peu lisibles ({bad} sur {count}) : {problems}. Attendu : un titre et le nom de chaque axe (plt.title, plt.xlabel, plt.ylabel ou ax.set(...)), C2.4.',
        en: 'Charts hard to read ({bad} of {count}): {problems}. Expected: a title and each axis named (plt.title, plt.xlabel, plt.ylabel or ax.set(...)), C2.4.',
      },
    },
  },
  run(ctx) {
    const got = factsOrStatic(ctx, ofTypes('plot'), chartsOf);
    if ('skip' in got) return got.skip;
    const charts = got.facts;
    const basis = got.static ? { static: got.static } : {};
    if (charts.length === 0) return { status: 'skip', message: 'noCharts' };
    const evidence: Evidence[] = [];
    const problems: Localized[] = [];
    for (const chart of charts) {
      const missing = missingParts(chart);
      if (missing.length === 0) continue;
      problems.push(byLang((lang) => `${chart.plot.function} ${where(chart.plot)}${lang === 'fr' ? ' : ' : ': '}${missing.map((m) => PART[m][lang]).join(', ')}`));
      evidence.push(traced(`${chart.kind} chart`, chart.plot, { expected: 'title, x label, y label', actual: missing.map((m) => `no ${PART[m].en}`).join(', '), data: { ...(chart.labels ?? {}), function: chart.plot.function } }));
    }
    if (problems.length > 0) return { status: 'fail', score: 1 - problems.length / charts.length, message: 'fail', params: { bad: problems.length, count: charts.length, problems: joinLocalized(problems, '; ') }, evidence, ...basis };
    return { status: 'pass', message: 'pass', params: { count: charts.length }, evidence: charts.slice(0, 10).map((c) => traced(`${c.kind} chart`, c.plot, { actual: c.labels?.title ?? null, data: { xlabel: c.labels?.xlabel ?? null, ylabel: c.labels?.ylabel ?? null } })), ...basis };
  },
});

/** Heatmaps and pies name their variables in tick labels and legends: a title is what they need. */
function missingParts(chart: Chart): Part[] {
  if (!chart.labels) return ['unsavedTitle'];
  const missing: Part[] = [];
  if (!chart.labels.title) missing.push('title');
  if (chart.kind === 'heatmap' || chart.kind === 'pie') return missing;
  if (!chart.labels.xlabel) missing.push('xlabel');
  if (!chart.labels.ylabel) missing.push('ylabel');
  return missing;
}

type Part = 'title' | 'unsavedTitle' | 'xlabel' | 'ylabel';

/** What a chart lacks, as message words. */
const PART: Record<Part, Localized> = {
  title: t('titre', 'title'),
  unsavedTitle: t('titre (figure jamais enregistrée ni affichée)', 'title (figure never saved or shown)'),
  xlabel: t("nom de l'axe x", 'x label'),
  ylabel: t("nom de l'axe y", 'y label'),
};
