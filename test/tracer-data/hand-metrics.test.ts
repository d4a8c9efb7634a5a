import { describe, expect, it } from 'vitest';
import type { FileWriteEvent } from '../../runner/tracer/data-event-types.js';
import type { MetricEvent, PredictEvent, SplitEvent } from '../../runner/tracer/trace-event-types.js';
import { runTracedScript } from '../helpers/run-traced-script.js';

/** Regression metrics written by hand, the ways notebooks and scripts write them, on test and train predictions. */
const SCRIPT = `
import json, math
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split
rng = np.random.default_rng(0)
X = pd.DataFrame({"surface": rng.uniform(20, 120, 400), "pieces": rng.integers(1, 6, 400)})
y = pd.Series(3000 * X["surface"] + 500 * X["pieces"] + rng.normal(0, 5000, 400), name="prix")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
modele = Ridge(alpha=1.0).fit(X_train, y_train)
y_pred = modele.predict(X_test)
p_train = modele.predict(X_train)
mse = mean_squared_error(y_test, y_pred)
rmse = mse ** 0.5
mae = np.mean(np.abs(y_test - y_pred))
mse_main = np.mean((y_test - y_pred) ** 2)
rmse_main = np.sqrt(np.mean((y_test.values - y_pred) ** 2))
rmse_train = np.sqrt(((y_train - p_train) ** 2).mean())
ss_res = np.sum((y_test - y_pred) ** 2)
ss_tot = np.sum((y_test - np.mean(y_test)) ** 2)
r2 = 1 - ss_res / ss_tot
mape = np.mean(np.abs((y_test - modele.predict(X_test)) / y_test)) * 100
variance = np.mean((X["surface"] - X["surface"].mean()) ** 2)
for _ in range(3):
    np.mean(np.abs(y_test - y_pred))
with open("metriques.json", "w") as f:
    json.dump({"rmse": rmse, "mae": mae, "r2": r2}, f)
print(round(rmse, 4), round(mae, 4), round(rmse_main, 4), round(rmse_train, 4), round(r2, 6), round(mape, 4), round(variance, 2))
`;

describe('metrics computed by hand are metric events on the arrays they came from', () => {
  const run = runTracedScript(SCRIPT);
  const metrics = () => run.trace.ofType<MetricEvent>('metric');

  it('the script prints what it prints untraced; every event is valid', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(runTracedScript(SCRIPT, { tracer: false }).stdout);
    expect(run.trace.problems).toEqual([]);
  });

  it('recognises each formula, at its line, with the value the line computes', () => {
    const printed = run.stdout.trim().split(' ').map(Number);
    const byHand = metrics().filter((m) => m.module === 'formula');
    expect(byHand.map((m) => [m.site?.line, m.name, m.formula, m.derived ?? null])).toEqual([
      [16, 'root_mean_squared_error', 'mse ** 0.5', 'mean_squared_error'],
      [17, 'mean_absolute_error', 'np.mean(np.abs(y_test - y_pred))', null],
      [18, 'mean_squared_error', 'np.mean((y_test - y_pred) ** 2)', null],
      [19, 'root_mean_squared_error', 'np.sqrt(np.mean((y_test.values - y_pred) ** 2))', null],
      [20, 'root_mean_squared_error', 'np.sqrt(((y_train - p_train) ** 2).mean())', null],
      [23, 'r2_score', '1 - ss_res / ss_tot', 'sum_of_squares'],
      [24, 'mean_absolute_percentage_error', 'np.mean(np.abs((y_test - modele.predict(X_test)) / y_test)) * 100', null],
      [27, 'mean_absolute_error', 'np.mean(np.abs(y_test - y_pred))', null],
      [27, 'mean_absolute_error', 'np.mean(np.abs(y_test - y_pred))', null],
      [27, 'mean_absolute_error', 'np.mean(np.abs(y_test - y_pred))', null],
    ]);
    const value = (line: number) => byHand.find((m) => m.site?.line === line)!.value!;
    expect(value(16)).toBeCloseTo(printed[0]!, 3);
    expect(value(17)).toBeCloseTo(printed[1]!, 3);
    expect(value(19)).toBeCloseTo(printed[2]!, 3);
    expect(value(20)).toBeCloseTo(printed[3]!, 3);
    expect(value(23)).toBeCloseTo(printed[4]!, 5);
    expect(value(24)).toBeCloseTo(printed[5]!, 3);
    expect(value(18)).toBeCloseTo(value(19) ** 2, 2);
  });

  it('ties y_true to the split target and y_pred to the model output, so test tells from train', () => {
    const split = run.trace.ofType<SplitEvent>('split')[0]!;
    const [, , yTrain, yTest] = split.outputs!;
    const [onTest, onTrain] = run.trace.ofType<PredictEvent>('predict');
    const line = (n: number) => metrics().find((m) => m.module === 'formula' && m.site?.line === n)!;
    expect([line(17).y_true?.fp, line(17).y_pred?.fp, line(17).n]).toEqual([yTest!.fp, onTest!.output!.fp, 100]);
    expect([line(19).y_true?.fp, line(19).y_pred?.fp]).toEqual([yTest!.fp, onTest!.output!.fp]);
    expect([line(20).y_true?.fp, line(20).y_pred?.fp, line(20).n]).toEqual([yTrain!.fp, onTrain!.output!.fp, 300]);
    expect(line(24).y_pred?.fp).toBe(onTest!.output!.fp);
  });

  it('a variance of a feature is no metric; a loop records its events once per call, within the line budget', () => {
    expect(metrics().filter((m) => m.site?.line === 25)).toEqual([]);
    expect(metrics().filter((m) => m.module !== 'formula').map((m) => [m.site?.line, m.name])).toEqual([[15, 'mean_squared_error']]);
  });

  it('the metrics file the code wrote is a file_write event of this process', () => {
    expect(run.trace.ofType<FileWriteEvent>('file_write').map((e) => [e.function, e.target.path, e.site?.line, e.pid === metrics()[0]!.pid])).toEqual([
      ['open', 'metriques.json', 28, true],
      ['json.dump', 'metriques.json', 29, true],
    ]);
  });
});
