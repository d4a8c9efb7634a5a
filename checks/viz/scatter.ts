import { defineCheck } from '../check.js';
import { kindOutcome } from './support/charts.js';
import { NO_TRACE } from '../support/trace-support.js';

export default defineCheck({
  meta: {
    id: 'viz/scatter',
    title: { fr: 'Nuage de points entre deux variables quantitatives', en: 'Scatter plot of two quantitative variables' },
    criteria: ['cdp-data-ia:C2.4'],
    evidence: ['trace', 'static'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      pass: { fr: 'Nuages de points tracés : {charts}.', en: 'Scatter plots drawn: {charts}.' },
      none: {
        fr: 'Aucun nuage de points (graphiques tracés : {drawn}). Attendu : une variable quantitative affichée en fonction d’une autre (plt.scatter, sns.scatterplot, px.scatter), C2.4.',
        en: 'No scatter plot (charts drawn: {drawn}). Expected: one quantitative variable plotted against another (plt.scatter, sns.scatterplot, px.scatter), C2.4.',
      },
    },
  },
  run: (ctx) => kindOutcome(ctx, 'scatter', (chart) => `${chart.plot.y ?? '?'} ~ ${chart.plot.x ?? '?'}`),
});
