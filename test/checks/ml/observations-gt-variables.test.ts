import check from '../../../checks/ml/observations-gt-variables.js';
import { testCheck } from '../../../checks/tester.js';
import { indexTraceEvents } from '../../../runner/tracer/trace-index.js';
import { regressionRun, TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;

testCheck(check, {
  valid: [
    {
      name: '700 rows for 4 columns',
      evidence: regressionRun(['Ridge']).evidence(),
      expect: { status: 'pass', message: 'pass', includes: ['700 rows for 4 columns', 'model.py:20'], evidence: [{ subject: 'Ridge.fit', actual: '700 x 4' }] },
    },
    {
      name: 'a 1-D feature counts as one column',
      evidence: () => {
        const b = new TraceBuilder();
        b.fit(3, 'LinearRegression', D('x', 50, null), D('y', 50, null));
        return b.evidence();
      },
      expect: { status: 'pass', message: 'pass', includes: ['50 rows for 1 columns'] },
    },
  ],
  invalid: [
    {
      name: 'genomics-like matrix: 40 rows, 500 columns',
      evidence: () => {
        const b = new TraceBuilder().split(5, 57, 17);
        b.fit(12, 'Lasso', D('Xtr', 40, 500), D('ytr', 40, null));
        return b.evidence();
      },
      expect: { status: 'fail', message: 'fail', includes: ['40 rows for 500 variables (Lasso, model.py:12)'], evidence: [{ subject: 'Lasso.fit', actual: '40 x 500' }] },
    },
    {
      name: 'only transformers were fitted (no target)',
      evidence: () => {
        const b = new TraceBuilder();
        b.fit(3, 'StandardScaler', D('X', 100), null);
        return b.evidence();
      },
      expect: { status: 'fail', message: 'none' },
    },
    { name: 'no trace', evidence: { trace: indexTraceEvents([]) }, expect: { status: 'fail', message: 'noTrace' } },
  ],
});
