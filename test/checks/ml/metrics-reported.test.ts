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

/** The trace records the code writing `path` (line 90). */
function written(b: TraceBuilder, path: string, fn: string): TraceBuilder {
  return b.raw({ type: 'file_write', function: fn, target: { path, name: path.split('/').pop(), format: path.split('.').pop() }, mode: 'w' }, 90);
}

/** Ridge's 5-fold cross-validation: RMSE 3.3 on average (sklearn reports it negated). */
function ridgeCv(b: TraceBuilder): TraceBuilder {
  return b.cv(60, 'cross_val_score', 'Ridge', D('Xtr', 700), { scoring: 'neg_root_mean_squared_error', test_scores: { n: 5, mean: -3.3, std: 0.2, values: [-3.1, -3.2, -3.3, -3.4, -3.5] } });
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
        includes: ['The 4 metrics in metrics.json match'],
        evidence: [{ subject: 'metrics.json: ridge.rmse', actual: 2.9, expected: 2.9, location: { file: 'metrics.json' } }],
      },
    },
    {
      name: 'a list of records, rounded values and a percentage, declared in mspr.yaml',
      evidence: withFile('out/scores.json', JSON.stringify([{ model: 'Lasso', RMSE: 3.1001 }, { model: 'Ridge', r2_test: 87.12 }]), { outputs: { metrics: 'out/scores.json' } }),
      expect: { status: 'pass', message: 'pass', includes: ['out/scores.json'] },
    },
    {
      name: 'a results CSV the code wrote (";", decimal commas), found without being declared',
      evidence: () =>
        written(run(), 'resultats/scores.csv', 'open').evidence({ workspace: tempRepo({ 'resultats/scores.csv': 'modele;rmse;mae\nLasso;3,1;2,4\nRidge;2,9;\n' }) }),
      expect: {
        status: 'pass', message: 'pass',
        includes: ['The 3 metrics in resultats/scores.csv match'],
        evidence: [{ subject: 'resultats/scores.csv written', actual: 'open', location: { file: 'model.py', line: 90 } }, { subject: 'resultats/scores.csv: 1.Ridge.rmse', actual: 2.9, expected: 2.9 }],
      },
    },
    {
      name: 'a YAML file with a cross-validation score: compared with the folds, not the test set',
      evidence: () =>
        written(ridgeCv(run()), 'metrics.yaml', 'yaml.safe_dump').evidence({ workspace: tempRepo({ 'metrics.yaml': 'ridge:\n  cv_rmse: 3.3\n  rmse: 2.9\n' }) }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'metrics.yaml: ridge.cv_rmse', actual: 3.3, expected: 3.3, data: { role: 'cv' } }, { subject: 'rmse (cross-validation)', location: { file: 'model.py', line: 60 } }] },
    },
    {
      name: 'a long CSV (model, metric, value) in a results folder the code wrote to, not declared',
      evidence: () =>
        written(run(), 'resultats/predictions.csv', 'to_csv').evidence({ workspace: tempRepo({ 'resultats/predictions.csv': 'id,prix\n1,2\n', 'resultats/metriques.csv': 'modele,metrique,valeur\nLasso,rmse,3.1\nRidge,rmse,2.9\n' }) }),
      expect: { status: 'pass', message: 'pass', includes: ['resultats/metriques.csv'], evidence: [{ subject: 'resultats/metriques.csv: Lasso.rmse', actual: 3.1, expected: 3.1 }] },
    },
    {
      name: 'the file is compared with the script that wrote it (another script computed other values)',
      evidence: () => {
        const b = run();
        b.raw({ type: 'metric', pid: 5555, name: 'mean_squared_error', module: 'sklearn.metrics._regression', n: 300, y_true: D('yte', 300, null), y_pred: D('pred-other', 300, null), value: 4, options: { squared: false } }, 70);
        b.raw({ type: 'file_write', pid: 5555, function: 'json.dump', target: { path: 'metrics.json', name: 'metrics.json', format: 'json' }, mode: 'w' }, 71);
        return b.evidence({ workspace: tempRepo({ 'metrics.json': JSON.stringify({ rmse: 4.0 }) }) });
      },
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'metrics.json written', data: { step: null, pid: 5555 } }, { subject: 'rmse (test)', actual: 4, location: { file: 'model.py', line: 70 } }] },
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
    {
      name: 'a cross-validation mean presented as the test RMSE: mislabelled, not filled by hand',
      evidence: () => written(ridgeCv(run()), 'metrics.yaml', 'yaml.dump').evidence({ workspace: tempRepo({ 'metrics.yaml': 'Ridge:\n  rmse_test: 3.3\n' }) }),
      expect: {
        status: 'fail',
        message: 'mislabelled',
        includes: ['Ridge.rmse_test = 3.3 → rmse (cross-validation mean) model.py:60'],
        evidence: [{ subject: 'rmse (cross-validation)', location: { file: 'model.py', line: 60 }, data: { claim: 'Ridge.rmse_test', matches: false, mislabelled: true } }],
      },
    },
    {
      name: 'the train RMSE reported as the model’s RMSE',
      evidence: () => run().metric(55, 'mean_squared_error', D('ytr', 700, null), D('pred-train-Ridge', 700, null), 1.0, { options: { squared: false } }).evidence({ workspace: tempRepo({ 'metrics.json': JSON.stringify({ ridge: { rmse: 1.0 } }) }) }),
      expect: { status: 'fail', message: 'mislabelled', includes: ['ridge.rmse = 1 → rmse (train) model.py:55'] },
    },
    {
      name: 'a value of another script only: filled by hand for the script that wrote the file',
      evidence: () => {
        const b = run();
        b.raw({ type: 'metric', pid: 5555, name: 'mean_absolute_error', module: 'sklearn.metrics._regression', n: 300, y_true: D('yte', 300, null), y_pred: D('pred-other', 300, null), value: 9 }, 70);
        b.raw({ type: 'file_write', pid: 5555, function: 'open', target: { path: 'metrics.json', name: 'metrics.json', format: 'json' }, mode: 'w' }, 71);
        return b.evidence({ workspace: tempRepo({ 'metrics.json': JSON.stringify({ mae: 2.4 }) }) });
      },
      expect: { status: 'fail', message: 'mismatch', includes: ['mae = 2.4 (run: 9)'] },
    },
  ],
});
