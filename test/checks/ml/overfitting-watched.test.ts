import check from '../../../checks/ml/overfitting-watched.js';
import { testCheck } from '../../../checks/tester.js';
import { regressionRun, TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;

testCheck(check, {
  valid: [
    {
      name: 'R² on train and on test through model.score',
      evidence: () => {
        const b = regressionRun(['Ridge']);
        b.score(40, 'o1', 'Ridge', D('Xtr', 700), D('ytr', 700, null), 0.95);
        b.score(41, 'o1', 'Ridge', D('Xte', 300), D('yte', 300, null), 0.71);
        return b.evidence();
      },
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['r2 computed on train (0.95) and on test (0.71): gap 0.24 visible (model.py:41)'],
        evidence: [{ subject: 'r2 (train)', actual: 0.95 }, { subject: 'r2 (test)', actual: 0.71 }],
      },
    },
    {
      name: 'learning_curve gives both',
      evidence: new TraceBuilder().cv(50, 'learning_curve', 'Ridge', D('X', 1000), { train_scores: { n: 25, mean: 0.9 } }).evidence(),
      expect: { status: 'pass', message: 'curves', includes: ['learning_curve (model.py:50)'] },
    },
  ],
  invalid: [
    {
      name: 'only the test score',
      evidence: () => {
        const b = regressionRun(['Ridge']);
        b.metric(40, 'mean_absolute_error', D('yte', 300, null), D('pred-Ridge', 300, null), 2.1);
        return b.evidence();
      },
      expect: { status: 'fail', message: 'fail', evidence: [{ subject: 'mae', expected: 'train + test', actual: 'test', data: { value: 2.1 } }] },
    },
    {
      name: 'train MAE and test RMSE are not a pair',
      evidence: () => {
        const b = regressionRun(['Ridge']);
        b.predict(39, 'o1', 'Ridge', D('Xtr', 700), 'pred-train');
        b.metric(40, 'mean_absolute_error', D('ytr', 700, null), D('pred-train', 700, null), 1.1);
        b.metric(41, 'mean_squared_error', D('yte', 300, null), D('pred-Ridge', 300, null), 4.1, { options: { squared: false } });
        return b.evidence();
      },
      expect: { status: 'fail', message: 'fail' },
    },
  ],
});
