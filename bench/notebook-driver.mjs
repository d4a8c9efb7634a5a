// Overhead of mspr-lab's nbclient driver against a bare `python -m nbconvert --execute`, on the same small
// notebook, one run each (figures only, never a test): `node bench/notebook-driver.mjs [python]`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const python = process.argv[2] ?? '/usr/bin/python3';
const tracer = fileURLToPath(new URL('../runner/tracer/python', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mspr-bench-nb-'));
const cells = ['import pandas as pd', 'df = pd.DataFrame({"a": range(1000), "b": range(1000)})', 'df.describe()', ...Array.from({ length: 10 }, (_, i) => `x${i} = df["a"].sum() + ${i}`)];
writeFileSync(join(dir, 'nb.ipynb'), JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } }, cells: cells.map((source, i) => ({ id: `c${i}`, cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source })) }));
const time = (argv) => {
  const start = process.hrtime.bigint();
  execFileSync(python, argv, { cwd: dir, stdio: 'ignore', env: { ...process.env, PYTHONPATH: tracer } });
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const nbconvert = time(['-m', 'nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.kernel_name=python3', '--output-dir', dir, '--output', 'nbconvert', 'nb.ipynb']);
const driver = time([join(tracer, 'mspr_notebook.py'), 'nb.ipynb', join(dir, 'driver.ipynb'), join(dir, 'status.json')]);
console.log(`notebook of ${cells.length} code cells, ${python}, tracer inert (no MSPR_TRACE_DIR), one run each`);
console.log(`nbconvert --execute : ${nbconvert.toFixed(0)} ms`);
console.log(`mspr_notebook.py    : ${driver.toFixed(0)} ms (${(driver - nbconvert >= 0 ? '+' : '')}${(driver - nbconvert).toFixed(0)} ms)`);
