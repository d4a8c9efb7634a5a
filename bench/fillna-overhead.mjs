#!/usr/bin/env node
// Cost of the pandas fillna hooks on two 1M-row columns (a float column and a text column, 5 % / 25 % missing):
// the script times its own fillna calls (best of 3 inside the process, so start-up and imports are left out),
// traced and untraced alternately, and this prints the medians and the difference. Moved out of
// test/tracer-data/pandas-hooks.test.ts, which keeps only the results' equality (no test depends on timing).
//
// Usage: node bench/fillna-overhead.mjs [runs=3]     (MSPR_PYTHON picks the interpreter)
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const python = process.env.MSPR_PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const runs = Number(process.argv[2] ?? 3);
const script = `
import time, numpy as np, pandas as pd
rng = np.random.default_rng(0)
n = 1_000_000
df = pd.DataFrame({"x": rng.normal(size=n), "c": rng.choice(["a", "b", "c", None], size=n)})
df.loc[rng.choice(n, 50000, replace=False), "x"] = np.nan
best = 1e9
for _ in range(3):
    t = time.perf_counter(); s = df["x"].fillna(0.5); c = df["c"].fillna("zz"); best = min(best, time.perf_counter() - t)
print(best)
`;
const workspace = mkdtempSync(join(tmpdir(), 'mspr-bench-fillna-'));
writeFileSync(join(workspace, 'main.py'), script);

function run(traced) {
  const traceDir = mkdtempSync(join(tmpdir(), 'mspr-bench-'));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  if (traced) Object.assign(env, { PYTHONPATH: join(root, 'runner/tracer/python'), MSPR_TRACE_DIR: traceDir, MSPR_WORKSPACE: workspace, MSPR_TRACE_KEY: randomBytes(32).toString('hex') });
  const result = spawnSync(python, ['main.py'], { cwd: workspace, env, encoding: 'utf8' });
  rmSync(traceDir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`main.py failed (${traced ? 'traced' : 'untraced'}):\n${result.stderr}`);
  return Number(result.stdout.trim());
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const bare = [];
const traced = [];
for (let i = 0; i < runs; i++) {
  bare.push(run(false));
  traced.push(run(true));
}
rmSync(workspace, { recursive: true, force: true });
const [b, t] = [median(bare), median(traced)];
console.log(`fillna on two 1M-row columns, best of 3 per process, median of ${runs} processes:`);
console.log(`  untraced ${b.toFixed(3)} s, traced ${t.toFixed(3)} s, +${(t - b).toFixed(3)} s`);
