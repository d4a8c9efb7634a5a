import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../runner/paths.js';
import type { CombineEvent, DataReadEvent, DataWriteEvent, HeadEvent, ImputeEvent, MissingInspectEvent, RowsDroppedEvent, StatsEvent } from '../../runner/tracer/data-event-types.js';
import { runTracedScript } from '../helpers/run-traced-script.js';

const ETL = `
import sqlite3
import pandas as pd
ventes = pd.read_csv("ventes.csv")
produits = pd.read_json("produits.json")
objectifs = pd.read_excel("objectifs.xlsx")
print(ventes.isnull().sum())
ventes = ventes.drop_duplicates()
ventes = ventes[ventes["quantite"] > 0]
ventes["remise_pct"] = ventes["remise_pct"].fillna(ventes["remise_pct"].mean())
ventes["canal"].fillna(ventes["canal"].mode()[0], inplace=True)
produits = produits.fillna({"categorie": "inconnu"})
detail = ventes.merge(produits, on="id_produit", how="left")
mensuel = detail.groupby(["magasin"]).agg(ca=("prix_unitaire", "sum"))
print(ventes["quantite"].describe())
con = sqlite3.connect("boutique.db")
ventes.to_sql("ventes", con, if_exists="replace", index=False)
print(pd.read_sql("SELECT * FROM ventes LIMIT 5", con).head(3))
`;

describe('pandas hooks (real Python, boutique dataset)', () => {
  const run = runTracedScript(ETL);
  const of = <E>(type: string) => run.trace.ofType(type) as E[];

  it('the script runs as it would without the tracer, and every event is valid', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(runTracedScript(ETL, { tracer: false }).stdout);
    expect(run.trace.problems).toEqual([]);
  });

  it('records each source read with its rows, columns and missing values per column', () => {
    const reads = of<DataReadEvent>('data_read');
    const csv = reads.find((e) => e.function === 'read_csv')!;
    expect(csv.origin).toMatchObject({ path: 'ventes.csv', format: 'csv' });
    expect(csv.output).toMatchObject({ rows: 2000, cols: 9 });
    expect(csv.output?.nulls).toMatchObject({ remise_pct: 181, canal: 118, satisfaction: 142, quantite: 0 });
    expect(csv.site).toEqual({ file: 'main.py', line: 4 });
    expect(reads.find((e) => e.function === 'read_json')?.output?.nulls).toMatchObject({ categorie: 4 });
    expect(reads.find((e) => e.function === 'read_excel')?.output).toMatchObject({ rows: 60, cols: 3 });
    expect(reads.find((e) => e.function === 'read_sql')?.origin).toMatchObject({ format: 'sql', sql: 'SELECT * FROM ventes LIMIT 5', tables: ['ventes'] });
  });

  it('records missing-value inspection, drops with their counts, and combinations with their keys', () => {
    expect(of<MissingInspectEvent>('missing_inspect')[0]).toMatchObject({ function: 'isnull', site: { line: 7 } });
    const drops = of<RowsDroppedEvent>('rows_dropped');
    expect(drops.map((d) => [d.function, d.rows_before, d.rows_after])).toEqual([
      ['drop_duplicates', 2000, 1980],
      ['filter', 1980, 1960],
    ]);
    const combine = of<CombineEvent>('combine');
    expect(combine.find((c) => c.function === 'merge')).toMatchObject({ keys: { on: 'id_produit', how: 'left' }, output: { rows: 1960 } });
    expect(combine.find((c) => c.function === 'groupby')?.keys).toEqual({ by: ['magasin'] });
  });

  it('compares each fill value with the column before imputation: mean, mode, or neither', () => {
    const imputes = of<ImputeEvent>('impute');
    const remise = imputes.find((e) => e.column === 'remise_pct')!;
    expect(remise).toMatchObject({ kind: 'numeric', matches: ['mean'], nulls_before: 179, nulls_after: 0, site: { line: 10 } });
    expect(remise.value).toBeCloseTo(remise.stats!.mean!, 9);
    expect(imputes.find((e) => e.column === 'canal')).toMatchObject({ kind: 'categorical', matches: ['mode'], inplace: true, nulls_after: 0 });
    expect(imputes.find((e) => e.column === 'categorie')).toMatchObject({ value: 'inconnu', matches: [], stats: { value_seen: false } });
  });

  it('records statistics, the load with its table and nulls, and the first rows read back', () => {
    expect(of<StatsEvent>('stats').find((s) => s.function === 'describe')).toMatchObject({ on: 'series', input: { columns: ['quantite'] } });
    const write = of<DataWriteEvent>('data_write')[0]!;
    expect(write).toMatchObject({ function: 'to_sql', table: 'ventes', if_exists: 'replace', connection: 'sqlite3', input: { rows: 1960 } });
    expect(write.input?.nulls).toMatchObject({ remise_pct: 0, canal: 0 });
    const read = of<DataReadEvent>('data_read').find((e) => e.function === 'read_sql')!;
    expect(of<HeadEvent>('head')[0]?.input?.obj).toBe(read.output?.obj);
  });
});

describe('pandas hooks on a million rows', () => {
  // Their cost is measured by bench/fillna-overhead.mjs, not asserted here: a test must not depend on the machine's load.
  const script = `
import time, numpy as np, pandas as pd
rng = np.random.default_rng(0)
n = 1_000_000
df = pd.DataFrame({"x": rng.normal(size=n), "c": rng.choice(["a", "b", "c", None], size=n)})
df.loc[rng.choice(n, 50000, replace=False), "x"] = np.nan
best = 1e9
for _ in range(3):
    t = time.perf_counter(); s = df["x"].fillna(0.5); c = df["c"].fillna("zz"); best = min(best, time.perf_counter() - t)
print(best, float(s.sum()), (c == "zz").sum())
`;
  it('fillna on two 1M-row columns: same results with the tracer, every fill recorded', () => {
    const bare = runTracedScript(script, { tracer: false }).stdout.trim().split(' ');
    const traced = runTracedScript(script);
    const results = traced.stdout.trim().split(' ').slice(1);
    expect(results).toEqual(bare.slice(1));
    expect(traced.trace.ofType('impute')).toHaveLength(6);
  });
});

describe('pandas hooks use no deprecated pandas helper', () => {
  // pandas 2.1 deprecated is_categorical_dtype (a FutureWarning on every call) and pandas 3 removed it; the
  // Debian pandas here has neither, so the script puts 2.1's behaviour back in place first.
  const script = `
import warnings
import pandas as pd
import pandas.api.types as types
original = types.is_categorical_dtype
def deprecated(dtype):
    warnings.warn("is_categorical_dtype is deprecated and will be removed in a future version.", FutureWarning)
    return original(dtype)
types.is_categorical_dtype = deprecated
categories = pd.Series(["a", None, "b", "a"], dtype="category")
print(categories.fillna("a").tolist())
labels = pd.Series(["x", None, "x"])
print(labels.fillna("x").tolist())
`;
  it('fillna on categorical and text columns: no warning reaches the candidate, both columns are categorical', () => {
    const bare = runTracedScript(script, { tracer: false });
    const traced = runTracedScript(script);
    expect(traced.status, traced.stderr).toBe(0);
    expect(traced.stdout).toBe(bare.stdout);
    expect(traced.stderr).toBe(bare.stderr);
    expect(traced.trace.problems).toEqual([]);
    expect(traced.trace.ofType<ImputeEvent>('impute').map((e) => [e.site?.line, e.kind, e.matches])).toEqual([
      [11, 'categorical', ['mode']],
      [13, 'categorical', ['mode']],
    ]);
  });
});

describe('pandas warnings under the tracer', () => {
  // pandas points a warning at the first frame outside pandas; a traced wrapper must not be that frame.
  const script = `
import pandas as pd
ventes = pd.read_csv("ventes.csv")
grands = ventes[ventes["quantite"] > 5]
grands.fillna({"remise_pct": 0}, inplace=True)
grands["canal"].fillna("web", inplace=True)
print(len(grands))
`;
  // Both warnings are raised inside a traced fillna (without the fix they named pandas_imputation.py and wrap.py).
  it('a SettingWithCopyWarning raised inside a traced fillna names the candidate\'s line, as it does untraced', () => {
    const bare = runTracedScript(script, { tracer: false });
    const traced = runTracedScript(script);
    expect(traced.status, traced.stderr).toBe(0);
    expect(traced.stdout).toBe(bare.stdout);
    // Each run has its own folder: compare the warnings with the folder taken out.
    expect(bare.stderr.replaceAll(bare.root, 'ROOT')).toContain('ROOT/main.py:5: SettingWithCopyWarning');
    expect(bare.stderr.replaceAll(bare.root, 'ROOT')).toContain('ROOT/main.py:6: SettingWithCopyWarning');
    expect(traced.stderr.replaceAll(traced.root, 'ROOT')).toBe(bare.stderr.replaceAll(bare.root, 'ROOT'));
    expect(traced.trace.ofType<ImputeEvent>('impute').map((e) => [e.column, e.site?.line])).toEqual([['remise_pct', 5], ['canal', 6]]);
  });
});

describe('reads from the scenario datasets folder', () => {
  it('are named $datasets/…, from the folder the runner gave at start-up (the program may change its environment)', () => {
    const datasets = mkdtempSync(join(tmpdir(), 'mspr-datasets-'));
    copyFileSync(packagePath('datasets/boutique/ventes.csv'), join(datasets, 'ventes.csv'));
    const run = runTracedScript(
      `
import os
import pandas as pd
folder = os.environ["MSPR_DATASETS_DIR"]
first = pd.read_csv(os.path.join(folder, "ventes.csv"))
os.environ["MSPR_DATASETS_DIR"] = "/elsewhere"
again = pd.read_csv(os.path.join(folder, "ventes.csv"))
local = pd.read_csv("ventes.csv")
`,
      { env: { MSPR_DATASETS_DIR: datasets } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.trace.ofType<DataReadEvent>('data_read').map((e) => e.origin?.path)).toEqual(['$datasets/ventes.csv', '$datasets/ventes.csv', 'ventes.csv']);
  });
});
