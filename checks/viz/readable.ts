import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { type Chart, chartsOf } from './support/charts.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';

export default defineCheck<Record<string, never>>({
  meta: {
    id: 'viz/readable',
    title: { fr: 'Graphiques lisibles : titre et noms des axes', en: 'Readable charts: title and axis labels' },
    criteria: ['cdp-data-ia:C2.4'],
    evidence: ['trace'],
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
    const got = factsOrSkip(ctx, chartsOf);
    if ('skip' in got) return got.skip;
    const charts = got.facts;
    if (charts.length === 0) return { status: 'skip', message: 'noCharts' };
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const chart of charts) {
      const missing = missingParts(chart);
      if (missing.length === 0) continue;
      problems.push(`${chart.plot.function} ${where(chart.plot)}: ${missing.join(', ')}`);
      evidence.push(traced(`${chart.kind} chart`, chart.plot, { expected: 'title, x label, y label', actual: missing.map((m) => `no ${m}`).join(', '), data: { ...(chart.labels ?? {}), function: chart.plot.function } }));
    }
    const params = { count: charts.length, bad: problems.length, problems: problems.join('; ') };
    if (problems.length > 0) return { status: 'fail', score: 1 - problems.length / charts.length, message: 'fail', params, evidence };
    return { status: 'pass', message: 'pass', params, evidence: charts.slice(0, 10).map((c) => traced(`${c.kind} chart`, c.plot, { actual: c.labels?.title ?? null, data: { xlabel: c.labels?.xlabel ?? null, ylabel: c.labels?.ylabel ?? null } })) };
  },
});

/** Heatmaps and pies name their variables in tick labels and legends: a title is what they need. */
function missingParts(chart: Chart): string[] {
  if (!chart.labels) return ['title (never saved/shown)'];
  const missing: string[] = [];
  if (!chart.labels.title) missing.push('title');
  if (chart.kind === 'heatmap' || chart.kind === 'pie') return missing;
  if (!chart.labels.xlabel) missing.push('x label');
  if (!chart.labels.ylabel) missing.push('y label');
  return missing;
}
