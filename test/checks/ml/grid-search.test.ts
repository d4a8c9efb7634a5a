import check from '../../../checks/ml/grid-search.js';
import { testCheck } from '../../../checks/tester.js';
import { TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;
const Xtr = D('Xtr', 700);
const ytr = D('ytr', 700, null);

function searched(space: Record<string, unknown[]>, extra: Record<string, unknown> = {}) {
  const b = new TraceBuilder().split(10, 1000, 300);
  b.search(30, 'ElasticNet', space, {}, Xtr, ytr, extra);
  return b.evidence();
}

testCheck(check, {
  valid: [
    {
      name: 'alpha × l1_ratio, 3 × 3',
      evidence: searched({ alpha: [0.01, 0.1, 1], l1_ratio: [0.2, 0.5, 0.8] }),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['GridSearchCV on ElasticNet: 2 parameters (alpha, l1_ratio), 9 combinations, 5-fold', 'model.py:30'],
        evidence: [{ subject: 'GridSearchCV', actual: '2 params, 9 combinations', location: { file: 'model.py', line: 30 } }],
      },
    },
    {
      name: 'one parameter with 5 values (≥ 4 combinations)',
      evidence: searched({ alpha: [0.001, 0.01, 0.1, 1, 10] }),
      expect: { status: 'pass', message: 'pass', includes: ['5 combinations'] },
    },
    {
      name: 'randomized search accepted when allowed',
      options: { allowRandomized: true },
      evidence: searched({ alpha: [1, 2, 3], l1_ratio: [0.1, 0.9] }, { search: 'RandomizedSearchCV', n_iter: 5, n_candidates: 5, grid_size: null }),
      expect: { status: 'pass', message: 'pass', includes: ['RandomizedSearchCV'] },
    },
  ],
  invalid: [
    {
      name: 'a single parameter with 2 values',
      evidence: searched({ alpha: [0.1, 1] }),
      expect: { status: 'fail', message: 'tooSmall', evidence: [{ subject: 'GridSearchCV', actual: '1 params, 2 combinations' }], score: 0.5, includes: ['only 1 parameter and 2 combinations', 'at least 2 parameters or 4 combinations'] },
    },
    {
      name: 'randomized search where an exhaustive grid is required',
      evidence: searched({ alpha: [1, 2, 3], l1_ratio: [0.1, 0.9] }, { search: 'RandomizedSearchCV', n_iter: 5, n_candidates: 5, grid_size: null }),
      expect: { status: 'fail', message: 'randomizedOnly' },
    },
    { name: 'no search', evidence: new TraceBuilder().split(1, 10, 3).evidence(), expect: { status: 'fail', message: 'none' } },
  ],
});
