import check from '../../../checks/ml/training-procedure.js';
import { testCheck } from '../../../checks/tester.js';
import { TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;

/** `for lot in range(0, len(X_train), 100): clf.partial_fit(X_train[lot:lot+100], …)`: one object, several chunks. */
function chunks(estimator: string, count: number, rows: number, line = 14) {
  const b = new TraceBuilder();
  for (let i = 0; i < count; i++) b.raw({ type: 'fit', method: 'partial_fit', estimator, module: 'sklearn.linear_model._stochastic_gradient', obj: 'sgd1', params: { max_iter: 1000 }, x: D(`lot${i}`, rows), y: D(`ylot${i}`, rows, null) }, line);
  return b;
}

testCheck(check, {
  valid: [
    {
      name: 'SGDClassifier.partial_fit on 12 chunks of 100 rows is mini-batch',
      evidence: chunks('SGDClassifier', 12, 100).evidence(),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['Training procedure identified: SGDClassifier: mini-batch (partial_fit ×12, model.py:14).'],
        includesFr: ['SGDClassifier : par mini-lots (partial_fit ×12, model.py:14)'],
        evidence: [{ subject: 'SGDClassifier.partial_fit', actual: 'mini-batch', location: { file: 'model.py', line: 14 }, data: { how: 'partial_fit ×12', calls: 12, rows: 100 } }],
      },
    },
    {
      name: 'a plain fit on the whole train set is batch',
      evidence: () => {
        const b = new TraceBuilder();
        b.fit(30, 'RandomForestClassifier', D('Xtr', 800), D('ytr', 800, null));
        return b.evidence();
      },
      expect: { status: 'pass', message: 'pass', includes: ['RandomForestClassifier: batch (fit (800 rows), model.py:30)'], includesFr: ['RandomForestClassifier : par lot (fit (800 lignes), model.py:30)'], evidence: [{ subject: 'RandomForestClassifier.fit', actual: 'batch' }] },
    },
    {
      name: 'MLPClassifier with batch_size=32 is mini-batch',
      evidence: () => {
        const b = new TraceBuilder();
        b.fit(22, 'MLPClassifier', D('Xtr', 800), D('ytr', 800, null), { params: { batch_size: 32, max_iter: 50, warm_start: false } });
        return b.evidence();
      },
      expect: { status: 'pass', message: 'pass', includes: ['MLPClassifier: mini-batch (batch_size=32'], evidence: [{ subject: 'MLPClassifier.fit', actual: 'mini-batch' }] },
    },
    {
      name: 'a single partial_fit per row is online',
      evidence: chunks('SGDRegressor', 3, 1, 40).evidence(),
      expect: { status: 'pass', message: 'pass', includes: ['SGDRegressor: online (incremental) (partial_fit ×3'], evidence: [{ subject: 'SGDRegressor.partial_fit', actual: 'online' }] },
    },
  ],
  invalid: [
    {
      name: 'only a batch fit when the scenario asks for mini-batch or online',
      evidence: () => {
        const b = new TraceBuilder();
        b.fit(30, 'Ridge', D('Xtr', 800), D('ytr', 800, null));
        return b.evidence();
      },
      options: { accept: ['mini-batch', 'online'] },
      expect: {
        status: 'fail',
        message: 'notAccepted',
        includes: ['Training procedure found: Ridge: batch (fit (800 rows), model.py:30); expected: mini-batch, online (incremental).'],
        evidence: [{ subject: 'Ridge.fit', actual: 'batch', location: { file: 'model.py', line: 30 } }],
      },
    },
    {
      name: 'no model trained (only a scaler fitted)',
      evidence: new TraceBuilder().raw({ type: 'fit', method: 'fit_transform', estimator: 'StandardScaler', module: 'sklearn.preprocessing._data', obj: 's1', x: D('X', 100) }, 8).evidence(),
      expect: { status: 'fail', message: 'none' },
    },
    {
      name: 'no trace at all',
      evidence: {},
      expect: { status: 'fail', message: 'noTrace' },
    },
  ],
});
