import { describe, expect, it } from 'vitest';
import type { ImputeEvent } from '../../runner/tracer/data-event-types.js';
import type { FitEvent } from '../../runner/tracer/trace-event-types.js';
import { runTracedScript } from '../helpers/run-traced-script.js';

/** Imputation written every way the issue lists, on the boutique sales (2000 rows; 181 discounts, 118 channels missing). */
const SCRIPT = `
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
ventes = pd.read_csv("ventes.csv")
a = ventes.copy()
a["remise_pct"] = a.groupby("magasin")["remise_pct"].transform(lambda s: s.fillna(s.median()))
a["canal"] = a.groupby("magasin")["canal"].transform(lambda s: s.fillna(s.mode()[0]))
b = ventes.copy()
b["remise_pct"] = b["remise_pct"].fillna(b.groupby("magasin")["remise_pct"].transform("mean"))
b.loc[b["canal"].isna(), "canal"] = "web"
b.loc[b["satisfaction"].isna(), ["satisfaction"]] = b["satisfaction"].median()
c = ventes.copy()
c["remise_pct"] = c["remise_pct"].interpolate()
c["canal"] = c["canal"].ffill()
c["satisfaction"] = c["satisfaction"].replace(np.nan, 0)
e = ventes.replace({"remise_pct": {np.nan: -1}})
d = ventes.copy()
d["remise_pct"] = d.groupby("magasin")["remise_pct"].transform(lambda s: s.fillna(-1))
colonnes = ColumnTransformer([
    ("num", Pipeline([("imputation", SimpleImputer(strategy="median")), ("echelle", StandardScaler())]), ["remise_pct", "quantite"]),
    ("voisins", KNNImputer(n_neighbors=3), ["satisfaction"]),
    ("cat", SimpleImputer(strategy="most_frequent"), ["canal"]),
])
colonnes.fit_transform(ventes)
print(a["remise_pct"].isna().sum(), b["canal"].isna().sum(), c["canal"].isna().sum(), d["remise_pct"].min())
`;

describe('imputation in every form: the real column, the statistic used', () => {
  const run = runTracedScript(SCRIPT);
  const imputes = () => run.trace.ofType<ImputeEvent>('impute');
  const shape = (e: ImputeEvent) => ({ line: e.site?.line, function: e.function, column: e.column, by: e.by, matches: e.matches, method: e.method, value: e.value, nulls: [e.nulls_before, e.nulls_after] });

  it('the script runs as without the tracer, every event valid', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(runTracedScript(SCRIPT, { tracer: false }).stdout);
    expect(run.trace.problems).toEqual([]);
  });

  it('group-wise fills name the column and the group keys, never the groups (one event per transform)', () => {
    expect(imputes().filter((e) => e.site!.line <= 11).map(shape)).toEqual([
      { line: 10, function: 'groupby.transform', column: 'remise_pct', by: ['magasin'], matches: ['median'], method: undefined, value: 'median by magasin', nulls: [181, 0] },
      { line: 11, function: 'groupby.transform', column: 'canal', by: ['magasin'], matches: ['mode'], method: undefined, value: 'mode by magasin', nulls: [118, 0] },
    ]);
  });

  it('fillna with a group statistic, .loc[mask, col] = v, interpolate/ffill, replace(np.nan, v)', () => {
    expect(imputes().filter((e) => e.site!.line > 11 && e.site!.line < 22).map(shape)).toEqual([
      { line: 13, function: 'fillna', column: 'remise_pct', by: ['magasin'], matches: ['mean'], method: undefined, value: 'mean by magasin', nulls: [181, 0] },
      // "web" is a modality of the column, not its mode ("magasin").
      { line: 14, function: 'loc', column: 'canal', by: undefined, matches: [], method: undefined, value: 'web', nulls: [118, 0] },
      { line: 15, function: 'loc', column: 'satisfaction', by: undefined, matches: ['median', 'mode'], method: undefined, value: 4, nulls: [142, 0] },
      { line: 17, function: 'interpolate', column: 'remise_pct', by: undefined, matches: undefined, method: 'interpolate:linear', value: undefined, nulls: [181, 0] },
      { line: 18, function: 'ffill', column: 'canal', by: undefined, matches: undefined, method: 'ffill', value: undefined, nulls: [118, 0] },
      { line: 19, function: 'replace', column: 'satisfaction', by: undefined, matches: ['zero'], method: undefined, value: 0, nulls: [142, 0] },
      { line: 20, function: 'replace', column: 'remise_pct', by: undefined, matches: [], method: undefined, value: -1, nulls: [181, 0] },
    ]);
  });

  it('the same constant in every group is a constant, not a group statistic', () => {
    expect(imputes().filter((e) => e.site!.line === 22).map(shape)).toEqual([
      { line: 22, function: 'groupby.transform', column: 'remise_pct', by: undefined, matches: [], method: undefined, value: -1, nulls: [181, 0] },
    ]);
  });

  it('imputers inside a ColumnTransformer are credited on their columns, with the statistic they computed', () => {
    const fit = run.trace.ofType<FitEvent>('fit').find((f) => f.estimator === 'ColumnTransformer')!;
    expect(fit.imputers).toEqual([
      { path: 'num/imputation', class: 'SimpleImputer', columns: ['remise_pct', 'quantite'], strategy: 'median', statistics: { remise_pct: 5, quantite: 6 } },
      { path: 'voisins', class: 'KNNImputer', columns: ['satisfaction'], n_neighbors: 3, weights: 'uniform' },
      { path: 'cat', class: 'SimpleImputer', columns: ['canal'], strategy: 'most_frequent', statistics: { canal: 'magasin' } },
    ]);
    expect(fit.site).toEqual({ file: 'main.py', line: 28 });
  });
});
