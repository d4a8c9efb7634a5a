import check from '../../../checks/viz/distribution.js';
import { testCheck } from '../../../checks/tester.js';
import { DataTrace } from '../data/support/data-trace.js';
import { chart, full } from './charts-trace.js';

testCheck(check, {
  valid: [
    {
      name: 'a box plot counts as a distribution',
      evidence: () => ({ trace: chart(new DataTrace(), 12, 'boxplot', 'distribution', 'a1', full, { library: 'seaborn', x: 'prix_unitaire' }).index() }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'distribution chart', actual: 'boxplot' }], includes: ['prix_unitaire (seaborn.boxplot analyse.py:12)'] },
    },
  ],
  invalid: [
    {
      name: 'only a bar chart of counts',
      evidence: () => ({ trace: chart(new DataTrace(), 40, 'bar', 'bar', 'a1', full).index() }),
      expect: { status: 'fail', message: 'none', evidence: [{ subject: 'distribution chart', expected: '>= 1', actual: 0 }] },
    },
  ],
});
