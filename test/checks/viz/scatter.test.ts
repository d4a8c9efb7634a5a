import check from '../../../checks/viz/scatter.js';
import { testCheck } from '../../../checks/tester.js';
import { DataTrace } from '../data/support/data-trace.js';
import { chart, full } from './charts-trace.js';

testCheck(check, {
  valid: [
    {
      name: 'plt.scatter of price against quantity',
      evidence: () => ({ trace: chart(new DataTrace(), 31, 'scatter', 'scatter', 'a1', full, { x: 'quantite', y: 'prix_unitaire' }).index() }),
      expect: { status: 'pass', message: 'pass', includes: ['prix_unitaire ~ quantite (matplotlib.scatter analyse.py:31)'], evidence: [{ subject: 'scatter chart', location: { file: 'analyse.py', line: 31 } }] },
    },
  ],
  invalid: [
    {
      name: 'only a histogram',
      evidence: () => ({ trace: chart(new DataTrace(), 40, 'hist', 'distribution', 'a1', full).index() }),
      expect: { status: 'fail', message: 'none', evidence: [{ subject: 'scatter chart', expected: '>= 1', actual: 0 }], includes: ['hist (distribution) analyse.py:40'] },
    },
  ],
});
