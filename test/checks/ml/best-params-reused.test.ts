import check from '../../../checks/ml/best-params-reused.js';
import { testCheck } from '../../../checks/tester.js';
import { TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;
const Xtr = D('Xtr', 700);
const ytr = D('ytr', 700, null);
const Xte = D('Xte', 300);
const space = { alpha: [0.1, 1, 10], fit_intercept: [true, false] };

function withSearch(extra: Record<string, unknown> = {}) {
  const b = new TraceBuilder().split(10, 1000, 300);
  const tokens = b.search(20, 'Ridge', space, { alpha: 10, fit_intercept: true }, Xtr, ytr, extra);
  return { b, ...tokens };
}

testCheck(check, {
  valid: [
    {
      name: 'grid.predict(X_test) uses the refitted best model',
      evidence: () => {
        const { b, obj } = withSearch();
        b.predict(25, obj, 'GridSearchCV', Xte, 'pred', { final: { class: 'Ridge' } });
        return b.evidence();
      },
      expect: { status: 'pass', message: 'refit', includes: ['{"alpha":10,"fit_intercept":true}', 'for predict (model.py:25)'] },
    },
    {
      name: 'grid.best_estimator_.score(X_test, y_test)',
      evidence: () => {
        const { b, best } = withSearch();
        b.score(26, best, 'Ridge', Xte, D('yte', 300, null), 0.8);
        return b.evidence();
      },
      expect: { status: 'pass', message: 'refit' },
    },
    {
      name: 'Ridge(**grid.best_params_).fit(X_train, y_train) with refit=False',
      evidence: () => {
        const { b } = withSearch({ refit: false, best_estimator_obj: undefined });
        b.fit(30, 'Ridge', Xtr, ytr, { params: { alpha: 10.0, fit_intercept: true, solver: 'auto' } });
        return b.evidence();
      },
      expect: { status: 'pass', message: 'fit', includes: ['fit Ridge on 700 rows (model.py:30)'], evidence: [{ subject: 'Ridge.fit', location: { file: 'model.py', line: 30 } }] },
    },
    {
      name: 'search over a pipeline (model__alpha), refit of the same pipeline',
      evidence: () => {
        const b = new TraceBuilder().split(10, 1000, 300);
        b.search(20, 'Pipeline', { model__alpha: [0.1, 1, 10, 100] }, { model__alpha: 1 }, Xtr, ytr, { estimator: { class: 'Pipeline', final: { class: 'Lasso' } }, refit: false });
        b.fit(31, 'Pipeline', Xtr, ytr, { final: { class: 'Lasso' }, steps: [{ name: 'scaler', class: 'StandardScaler', params: {} }, { name: 'model', class: 'Lasso', params: { alpha: 1 } }] });
        return b.evidence();
      },
      expect: { status: 'pass', message: 'fit' },
    },
  ],
  invalid: [
    {
      name: 'best params printed, then a default Ridge is fitted and evaluated',
      evidence: () => {
        const { b } = withSearch();
        const obj = b.fit(30, 'Ridge', Xtr, ytr, { params: { alpha: 1.0, fit_intercept: true } });
        b.predict(31, obj, 'Ridge', Xte, 'pred');
        return b.evidence();
      },
      expect: {
        status: 'fail',
        message: 'notReused',
        includes: ['GridSearchCV (model.py:20) finds {"alpha":10,"fit_intercept":true}'],
        evidence: [{ subject: 'GridSearchCV', actual: 'not reused', location: { file: 'model.py', line: 20 } }],
      },
    },
    { name: 'no search at all', evidence: new TraceBuilder().evidence(), expect: { status: 'fail', message: 'noSearch' } },
  ],
});
