import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPython } from './support/run-traced.js';

function workspaceWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mspr-libs-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

describe('tracer and the libraries Debian ships', () => {
  it('xgboost estimators following the scikit-learn API are recorded like sklearn ones', () => {
    const root = workspaceWith({
      'boost.py': [
        'import numpy as np',
        'from sklearn.model_selection import train_test_split',
        'from xgboost import XGBRegressor',
        'X = np.random.RandomState(1).normal(size=(200, 4))',
        'y = X[:, 0] * 2 + X[:, 1]',
        'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)',
        'model = XGBRegressor(n_estimators=20, max_depth=3).fit(X_train, y_train)',
        'print(model.predict(X_test).shape)',
        '',
      ].join('\n'),
    });
    const run = runPython(root, ['python', 'boost.py'], { traced: true });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.problems).toEqual([]);
    const fit = run.events.find((e) => e.type === 'fit');
    expect(fit).toMatchObject({ estimator: 'XGBRegressor', module: 'xgboost.sklearn', site: { file: 'boost.py', line: 7 }, x: { rows: 150, cols: 4 }, params: expect.objectContaining({ n_estimators: 20, max_depth: 3 }) });
    const predict = run.events.find((e) => e.type === 'predict');
    expect(predict).toMatchObject({ estimator: 'XGBRegressor', method: 'predict', obj: fit!.obj, x: { rows: 50 }, site: { file: 'boost.py', line: 8 } });
  });

  it('statsmodels and pandas-only code run unchanged (no ML events, no tracer errors)', () => {
    const root = workspaceWith({
      'ols.py': [
        'import numpy as np',
        'import pandas as pd',
        'import statsmodels.api as sm',
        'df = pd.DataFrame({"x": np.arange(30.0), "y": np.arange(30.0) * 3 + 1})',
        'result = sm.OLS(df["y"], sm.add_constant(df[["x"]])).fit()',
        'print(result.params.round(3).tolist())',
        '',
      ].join('\n'),
    });
    const plain = runPython(root, ['python', 'ols.py'], { traced: false });
    const traced = runPython(root, ['python', 'ols.py'], { traced: true });
    expect(traced.exitCode, traced.stderr).toBe(0);
    expect(traced.stdout).toBe(plain.stdout);
    // No ML event and no tracer error; the frames pandas derived are lineage facts (frame_derive), not ML.
    expect(traced.events.map((e) => e.type).filter((type) => type !== 'frame_derive')).toEqual(['tracer_start']);
  });
});
