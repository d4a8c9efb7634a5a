import { defineCheck } from '../check.js';
import { kindOutcome } from './support/charts.js';
import { NO_TRACE } from '../support/trace-support.js';

export default defineCheck({
  meta: {
    id: 'viz/distribution',
    title: { fr: 'Distribution des variables quantitatives', en: 'Distribution of quantitative variables' },
    criteria: ['cdp-data-ia:C2.4'],
    evidence: ['trace', 'static'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      pass: { fr: 'Distributions affichées : {charts}.', en: 'Distributions plotted: {charts}.' },
      none: {
        fr: 'Aucune distribution affichée (graphiques tracés : {drawn}). Attendu : histogramme, densité ou boîte à moustaches d’une variable quantitative (plt.hist, sns.histplot, sns.boxplot…), C2.4.',
        en: 'No distribution plotted (charts drawn: {drawn}). Expected: a histogram, density or box plot of a quantitative variable (plt.hist, sns.histplot, sns.boxplot…), C2.4.',
      },
    },
  },
  run: (ctx) => kindOutcome(ctx, 'distribution', (chart) => chart.plot.x ?? chart.plot.y ?? chart.plot.function),
});
