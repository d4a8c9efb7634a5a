import check from '../../../checks/ml/models-applied-to-test.js';
import { testCheck } from '../../../checks/tester.js';
import { regressionRun, TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;

testCheck(check, {
  valid: [
    {
      name: 'each model predicts on X_test',
      evidence: regressionRun().evidence(),
      expect: { status: 'pass', message: 'pass', includes: ['All 3 fitted', 'Lasso, Ridge, ElasticNet'], evidence: [{ subject: 'Ridge.predict', actual: 'test', location: { file: 'model.py', line: 31 } }] },
    },
    {
      name: 'a scaled copy of X_test still counts (role follows transforms)',
      evidence: () => {
        const b = new TraceBuilder().split(10, 1000, 300);
        const scaler = b.fit(12, 'StandardScaler', D('Xtr', 700), null, { method: 'fit_transform', output: D('Xtr_s', 700) });
        b.raw({ type: 'predict', method: 'transform', estimator: 'StandardScaler', obj: scaler, x: D('Xte', 300), output: D('Xte_s', 300) }, 13);
        const obj = b.fit(14, 'Ridge', D('Xtr_s', 700), D('ytr', 700, null));
        b.predict(15, obj, 'Ridge', D('Xte_s', 300), 'pred');
        return b.evidence();
      },
      expect: { status: 'pass', message: 'pass', includes: ['Ridge'] },
    },
    {
      name: 'grid.predict(X_test) applies the search’s refitted model',
      evidence: () => {
        const b = new TraceBuilder().split(10, 1000, 300);
        const { obj } = b.search(20, 'Ridge', { alpha: [0.1, 1, 10, 100] }, { alpha: 1 }, D('Xtr', 700), D('ytr', 700, null));
        b.predict(21, obj, 'GridSearchCV', D('Xte', 300), 'pred', { final: { class: 'Ridge' } });
        return b.evidence();
      },
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'Ridge.predict', actual: 'test' }] },
    },
  ],
  invalid: [
    {
      name: 'ElasticNet only ever predicts on its training data',
      evidence: () => {
        const b = regressionRun(['Lasso', 'Ridge']);
        const obj = b.fit(60, 'ElasticNet', D('Xtr', 700), D('ytr', 700, null));
        b.predict(61, obj, 'ElasticNet', D('Xtr', 700), 'pred-en-train');
        return b.evidence();
      },
      expect: { status: 'fail', message: 'fail', includes: ['never applied to the test set: ElasticNet'], evidence: [{ subject: 'ElasticNet.fit', actual: 'applied to train data' }] },
    },
    { name: 'no model', evidence: new TraceBuilder().split(1, 100, 30).evidence(), expect: { status: 'fail', message: 'none' } },
  ],
});
