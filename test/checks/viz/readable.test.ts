import check from '../../../checks/viz/readable.js';
import { testCheck } from '../../../checks/tester.js';
import { DataTrace } from '../data/support/data-trace.js';
import { chart, full } from './charts-trace.js';

testCheck(check, {
  valid: [
    {
      name: 'every chart titled with named axes; a heatmap needs only its title',
      evidence: () => ({ trace: chart(chart(new DataTrace(), 10, 'scatter', 'scatter', 'a1', full), 20, 'heatmap', 'heatmap', 'a2', { title: 'Corrélations' }, { correlation: true }).index() }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'scatter chart', actual: 'Titre' }], includes: ['All 2 charts'] },
    },
  ],
  invalid: [
    {
      name: 'a scatter without axis labels nor title',
      evidence: () => ({ trace: chart(chart(new DataTrace(), 10, 'scatter', 'scatter', 'a1', { title: null }), 20, 'hist', 'distribution', 'a2', full).index() }),
      expect: {
        status: 'fail',
        message: 'fail',
        includes: ['(1 of 2): scatter analyse.py:10: title, x label, y label'],
        score: 0.5,
        evidence: [{ subject: 'scatter chart', location: { file: 'analyse.py', line: 10 }, actual: 'no title, no x label, no y label' }],
      },
    },
    {
      name: 'labels set but no title',
      evidence: () => ({ trace: chart(new DataTrace(), 10, 'hist', 'distribution', 'a1', { xlabel: 'prix', ylabel: 'effectif' }).index() }),
      expect: { status: 'fail', message: 'fail', includes: ['hist analyse.py:10: title'] },
    },
    { name: 'nothing drawn', evidence: () => ({ trace: new DataTrace().index() }), expect: { status: 'skip', message: 'noCharts' } },
  ],
});
