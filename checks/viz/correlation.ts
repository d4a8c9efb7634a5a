import { defineCheck } from '../check.js';
import { chartsOf } from './support/charts.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';
import { dataFacts } from '../data/support/data-facts.js';

export default defineCheck({
  meta: {
    id: 'viz/correlation',
    title: { fr: 'Matrice de corrélation calculée et affichée', en: 'Correlation matrix computed and plotted' },
    criteria: ['cdp-data-ia:C2.4'],
    evidence: ['trace'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      pass: { fr: 'Corrélations affichées : {charts}.', en: 'Correlations plotted: {charts}.' },
      notPlotted: {
        fr: 'Matrice de corrélation calculée ({computed}) mais jamais affichée sous forme graphique. Attendu : une carte de chaleur de la matrice (sns.heatmap(df.corr(), annot=True)), C2.4.',
        en: 'Correlation matrix computed ({computed}) but never plotted. Expected: a heatmap of the matrix (sns.heatmap(df.corr(), annot=True)), C2.4.',
      },
      none: {
        fr: "Aucune analyse des corrélations (ni df.corr() ni carte de chaleur d'une matrice de corrélation). Attendu : l'analyse des corrélations réalisée et affichée sous forme graphique (C2.4).",
        en: 'No correlation analysis (neither df.corr() nor a heatmap of a correlation matrix). Expected: correlations analysed and plotted (C2.4).',
      },
    },
  },
  run(ctx) {
    const got = factsOrSkip(ctx, dataFacts);
    if ('skip' in got) return got.skip;
    const heatmaps = chartsOf(ctx.trace).filter((c) => c.kind === 'heatmap' && c.plot.correlation);
    if (heatmaps.length > 0) {
      return { status: 'pass', message: 'pass', params: { charts: heatmaps.map((c) => `${c.plot.library}.${c.plot.function} ${where(c.plot)}`).join(', ') }, evidence: heatmaps.slice(0, 3).map((c) => traced('correlation heatmap', c.plot, { actual: c.plot.function, data: { columns: c.plot.data?.columns ?? null } })) };
    }
    const corr = got.facts.stats.filter((s) => s.function === 'corr');
    if (corr.length > 0) return { status: 'fail', score: 0.5, message: 'notPlotted', params: { computed: corr.map((s) => where(s)).join(', ') }, evidence: corr.slice(0, 3).map((s) => traced('corr', s, { expected: 'plotted', actual: 'computed only' })) };
    return { status: 'fail', message: 'none', evidence: [{ kind: 'trace', subject: 'correlation', expected: 'computed and plotted', actual: null }] };
  },
});
