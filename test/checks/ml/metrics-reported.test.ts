import check from '../../../checks/ml/metrics-reported.js';
import { testCheck } from '../../../checks/tester.js';
import { tempRepo } from '../../helpers/temp-repo.js';
import { regressionRun, TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;
const yte = D('yte', 300, null);

/** Lasso and Ridge on test: Lasso RMSE 3.1, MAE 2.4; Ridge RMSE 2.9; a train RMSE of 1.0 for Ridge. */
function run(): TraceBuilder {
  return regressionRun(['Lasso', 'Ridge'])
    .metric(50, 'mean_squared_error', yte, D('pred-Lasso', 300, null), 3.1, { options: { squared: false } })
    .metric(51, 'mean_absolute_error', yte, D('pred-Lasso', 300, null), 2.4)
    .metric(52, 'mean_squared_error', yte, D('pred-Ridge', 300, null), 2.9, { options: { squared: false } })
    .metric(53, 'r2_score', yte, D('pred-Ridge', 300, null), 0.8712);
}

function withFile(name: string, content: string, manifest?: { outputs: Record<string, string> }) {
  return () => run().evidence({ workspace: tempRepo({ [name]: content }), manifest });
}

testCheck(check, {
  valid: [
    {
      name: 'per-model metrics.json written from the code',
      evidence: withFile('metrics.json', JSON.stringify({ lasso: { rmse: 3.1, mae: 2.4 }, ridge: { rmse: 2.9, r2: 0.8712 } })),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['The 4 metric(s) in metrics.json match'],
        evidence: [{ subject: 'metrics.json: ridge.rmse', actual: 2.9, expected: 2.9, location: { file: 'metrics.json' } }],
      },
    },
    {
      name: 'a list of records, rounded values and a percentage, declared in mspr.yaml',
      evidence: withFile('out/scores.json', JSON.stringify([{ model: 'Lasso', RMSE: 3.1001 }, { model: 'Ridge', r2_test: 87.12 }]), { outputs: { metrics: 'out/scores.json' } }),
      expect: { status: 'pass', message: 'pass', includes: ['out/scores.json'] },
    },
  ],
  invalid: [
    {
      name: 'metrics.json claims a better RMSE than the run produced',
      evidence: withFile('metrics.json', JSON.stringify({ ridge: { rmse: 1.2 }, lasso: { mae: 2.4 } })),
      expect: {
        status: 'fail',
        message: 'mismatch',
        includes: ['ridge.rmse = 1.2 (run: 2.9)'],
        evidence: [{ subject: 'metrics.json: ridge.rmse', actual: 1.2, expected: 2.9 }, { subject: 'rmse (test)', location: { file: 'model.py', line: 52 } }],
      },
    },
    {
      name: 'a metric the run never computed cannot be verified',
      evidence: withFile('metrics.json', JSON.stringify({ mape: 0.12 })),
      expect: { status: 'warn', message: 'unverified', includes: ['mape = 0.12'] },
    },
    {
      name: 'no metric keys',
      evidence: withFile('metrics.json', JSON.stringify({ author: 'team 4', rows: 1000 })),
      expect: { status: 'warn', message: 'noMetrics' },
    },
    {
      name: 'broken JSON',
      evidence: withFile('metrics.json', '{"rmse": 3.1,'),
      expect: { status: 'fail', message: 'invalid' },
    },
    {
      name: 'no metrics file',
      evidence: withFile('README.md', '# projet'),
      expect: { status: 'skip', message: 'noFile', includes: ['metrics.json'] },
    },
  ],
});
