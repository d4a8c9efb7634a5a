import check from '../../../checks/ml/metrics-on-test.js';
import { testCheck } from '../../../checks/tester.js';
import { printedStep, regressionRun, TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;
const yte = D('yte', 300, null);
const ytr = D('ytr', 700, null);
const predTest = D('pred-Ridge', 300, null);

/** Ridge fitted on train, predicted on test (pred-Ridge) and on train (pred-train). */
function run(): TraceBuilder {
  const b = regressionRun(['Ridge']);
  b.predict(40, 'o1', 'Ridge', D('Xtr', 700), 'pred-train');
  return b;
}

testCheck(check, {
  valid: [
    {
      name: 'RMSE (squared=False), MAE and MSE on test',
      evidence: run()
        .metric(50, 'mean_squared_error', yte, predTest, 4.0)
        .metric(51, 'mean_squared_error', yte, predTest, 2.0, { options: { squared: false } })
        .metric(52, 'mean_absolute_error', yte, predTest, 1.5)
        .metric(53, 'r2_score', yte, predTest, 0.81)
        .evidence(),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['on the test set: rmse, mae, mse. Other metrics: r2.'],
        evidence: [{ subject: 'rmse', actual: 2, location: { file: 'model.py', line: 51 }, data: { role: 'test', function: 'mean_squared_error', n: 300 } }],
      },
    },
    {
      name: 'RMSE as np.sqrt(mean_squared_error(...)) on the same line',
      evidence: run()
        .metric(50, 'mean_squared_error', yte, predTest, 4.0, { source: 'rmse = np.sqrt(mean_squared_error(y_test, y_pred))' })
        .metric(52, 'mean_absolute_error', yte, predTest, 1.5)
        .evidence(),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'rmse', actual: 2, data: derivedRmseData() }] },
    },
    {
      name: 'RMSE as the root of an MSE computed earlier, seen in the printed output',
      evidence: run()
        .metric(50, 'mean_squared_error', yte, predTest, 2.25, { source: 'mse = mean_squared_error(y_test, y_pred)' })
        .metric(52, 'mean_absolute_error', yte, predTest, 1.2)
        .evidence({ steps: [printedStep('MSE : 2.25\nRMSE : 1.500\nMAE : 1.20\n')] }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'rmse', actual: 1.5 }] },
    },
    {
      name: 'classification: accuracy through clf.score(X_test, y_test)',
      options: { task: 'classification' },
      evidence: () => {
        const b = new TraceBuilder().split(10, 1000, 300);
        const obj = b.fit(20, 'RandomForestClassifier', D('Xtr', 700), ytr);
        b.score(21, obj, 'RandomForestClassifier', D('Xte', 300), yte, 0.91);
        return b.evidence();
      },
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'accuracy', actual: 0.91, data: { role: 'test', function: 'RandomForestClassifier.score', n: 300 } }] },
    },
    {
      name: 'classification: accuracy shown by classification_report (text, no value)',
      options: { task: 'classification' },
      evidence: () => {
        const b = new TraceBuilder().split(10, 1000, 300);
        const obj = b.fit(20, 'DecisionTreeClassifier', D('Xtr', 700), ytr);
        b.predict(21, obj, 'DecisionTreeClassifier', D('Xte', 300), 'pred-tree');
        b.metric(22, 'classification_report', yte, D('pred-tree', 300, null), null, { output: { class: 'str' } });
        return b.evidence();
      },
      expect: { status: 'pass', message: 'pass', includes: ['accuracy. Other metrics: precision, recall, f1.'], evidence: [{ subject: 'accuracy', actual: null, data: { role: 'test', function: 'classification_report', n: 300 } }] },
    },
    {
      name: 'MSE, RMSE and MAE computed by hand with numpy (metric events of module formula), RMSE as mse ** 0.5 further down',
      evidence: run()
        .metric(60, 'mean_squared_error', yte, predTest, 4.0, { module: 'formula', formula: 'np.mean((y_test - y_pred) ** 2)' })
        .metric(61, 'root_mean_squared_error', yte, predTest, 2.0, { module: 'formula', formula: 'mse ** 0.5', derived: 'mean_squared_error', source: 'rmse = mse ** 0.5' })
        .metric(62, 'mean_absolute_error', yte, predTest, 1.5, { module: 'formula', formula: 'np.mean(np.abs(y_test - y_pred))' })
        .evidence(),
      expect: {
        status: 'pass', message: 'pass',
        evidence: [
          { subject: 'rmse', actual: 2, location: { file: 'model.py', line: 61 }, data: { role: 'test', function: 'mse ** 0.5', n: 300, derived: 'sqrt' } },
          { subject: 'mse', actual: 4, location: { file: 'model.py', line: 60 }, data: { role: 'test', function: 'np.mean((y_test - y_pred) ** 2)', n: 300, derived: 'formula' } },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'metrics computed on the train set only',
      evidence: run()
        .metric(50, 'mean_squared_error', ytr, D('pred-train', 700, null), 1.0)
        .metric(51, 'mean_absolute_error', ytr, D('pred-train', 700, null), 0.8)
        .evidence(),
      expect: {
        status: 'fail',
        message: 'fail',
        score: 0,
        includes: ['not computed on the test set: rmse, mae, mse (computed on other data only: mae (train), mse (train))'],
        evidence: [{ subject: 'mae', actual: 0.8, data: { role: 'train', function: 'mean_absolute_error', n: 700 } }, { subject: 'rmse', actual: 'not computed' }],
      },
    },
    {
      name: 'MAE missing; an unrelated printed number does not make an RMSE',
      evidence: run()
        .metric(50, 'mean_squared_error', yte, predTest, 4.0)
        .evidence({ steps: [printedStep('score 0.95\n')] }),
      expect: { status: 'fail', message: 'fail', score: 1 / 3, includes: ['test set: rmse, mae ('] },
    },
    {
      name: 'metrics by hand on the train predictions only',
      evidence: run()
        .metric(60, 'root_mean_squared_error', ytr, D('pred-train', 700, null), 1.0, { module: 'formula', formula: 'np.sqrt(np.mean((y_train - p_train) ** 2))' })
        .metric(61, 'mean_absolute_error', ytr, D('pred-train', 700, null), 0.8, { module: 'formula', formula: 'np.mean(np.abs(y_train - p_train))' })
        .evidence(),
      expect: { status: 'fail', message: 'fail', includes: ['not computed on the test set: rmse, mae, mse (computed on other data only: rmse (train), mae (train))'] },
    },
  ],
});

function derivedRmseData() {
  return { role: 'test', function: 'mean_squared_error', n: 300, derived: 'sqrt' };
}
