import check from '../../../checks/viz/correlation.js';
import { testCheck } from '../../../checks/tester.js';
import { DataTrace } from '../data/support/data-trace.js';
import { chart } from './charts-trace.js';

const corr = (t: DataTrace) => t.add('stats', { function: 'corr', on: 'frame', input: t.frame(['quantite', 'prix_unitaire'], 1960), out: 'o7', shape: [2, 2] }, 20, 'analyse.py');

testCheck(check, {
  valid: [
    {
      name: 'sns.heatmap of df.corr()',
      evidence: () => ({ trace: chart(corr(new DataTrace()), 21, 'heatmap', 'heatmap', 'a1', { title: 'Corrélations' }, { library: 'seaborn', correlation: true }).index() }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'correlation heatmap', actual: 'heatmap' }], includes: ['seaborn.heatmap analyse.py:21'] },
    },
  ],
  invalid: [
    {
      name: 'corr() printed, never plotted',
      evidence: () => ({ trace: corr(new DataTrace()).index() }),
      expect: { status: 'fail', message: 'notPlotted', evidence: [{ subject: 'corr', expected: 'plotted', actual: 'computed only' }], includes: ['(analyse.py:20)'], score: 0.5 },
    },
    {
      name: 'a heatmap of something else (a pivot of sales)',
      evidence: () => ({ trace: chart(new DataTrace(), 21, 'heatmap', 'heatmap', 'a1', { title: 'Ventes' }, { correlation: false }).index() }),
      expect: { status: 'fail', message: 'none' },
    },
  ],
});
