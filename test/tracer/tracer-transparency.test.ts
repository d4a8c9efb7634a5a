import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesOf, fixtureCopy, runPython } from './support/run-traced.js';

/**
 * The tracer must never change results: the same fixture run with and without it prints the same bytes, writes
 * the same files (metrics.json, pickled models, CSVs) and ends the same way.
 */
describe('tracer transparency: traced and untraced runs are byte-for-byte identical', () => {
  const scripts: Array<[string, 'logements/logements.csv' | 'attrition/clients.csv', string[]]> = [
    ['reg-pipeline-imputer-scaler', 'logements/logements.csv', ['python', 'train.py']],
    ['reg-split-70-30', 'logements/logements.csv', ['python', 'src/regression.py']],
    ['reg-metrics-on-train', 'logements/logements.csv', ['python', 'pipeline.py']],
    ['clf-missing-tree', 'attrition/clients.csv', ['python', 'churn.py']],
  ];
  for (const [name, dataset, argv] of scripts) {
    it(`${name}: same stdout, stderr, exit code and output files`, () => {
      const plain = runPython(fixtureCopy(name, dataset), argv, { traced: false });
      const traced = runPython(fixtureCopy(name, dataset), argv, { traced: true });
      expect(plain.exitCode, plain.stderr).toBe(0);
      expect(traced.exitCode).toBe(0);
      expect(traced.stdout).toBe(plain.stdout);
      expect(traced.stderr).toBe(plain.stderr);
      expect(plain.traceFiles).toEqual([]);
      expect(traced.events.filter((e) => e.type === 'fit').length).toBeGreaterThan(0);
      const before = filesOf(plain.workspace);
      const after = filesOf(traced.workspace);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true);
    });
  }

  it('a crash inside a library call: same exit code and the same traceback, without tracer frames', () => {
    const plain = runPython(fixtureCopy('reg-script-crash', 'logements/logements.csv'), ['python', 'regression.py'], { traced: false });
    const traced = runPython(fixtureCopy('reg-script-crash', 'logements/logements.csv'), ['python', 'regression.py'], { traced: true });
    expect(plain.exitCode).toBe(1);
    expect(traced.exitCode).toBe(1);
    expect(traced.stdout).toBe(plain.stdout);
    // Only the temporary folder's name differs between the two copies.
    expect(traced.stderr.replaceAll(traced.workspace, '<ws>')).toBe(plain.stderr.replaceAll(plain.workspace, '<ws>'));
    expect(traced.stderr).toContain('InvalidParameterError');
    expect(traced.stderr).not.toContain('mspr_tracer');
    // The failed fit is evidence too.
    expect(traced.events).toContainEqual(expect.objectContaining({ type: 'fit', estimator: 'ElasticNet', site: { file: 'regression.py', line: 21 }, error: expect.stringContaining('l1_ratio') }));
  });

  it('a notebook: the executed cells have the same outputs', () => {
    const run = (traced: boolean) => {
      const root = fixtureCopy('clf-notebook-complete', 'attrition/clients.csv');
      const result = runPython(root, ['python', '-m', 'nbconvert', '--to', 'notebook', '--execute', '--output-dir', 'executed', '--output', 'nb', 'notebooks/attrition.ipynb'], { traced, notebook: 'notebooks/attrition.ipynb' });
      expect(result.exitCode, result.stderr).toBe(0);
      const cells = JSON.parse(readFileSync(join(root, 'executed', 'nb.ipynb'), 'utf8')).cells as Array<{ outputs?: unknown[] }>;
      return { result, outputs: cells.map((cell) => JSON.stringify(cell.outputs ?? [])) };
    };
    const plain = run(false);
    const traced = run(true);
    expect(traced.outputs).toEqual(plain.outputs);
    expect(traced.result.events.some((e) => e.type === 'fit' && (e.site as { cell?: number } | undefined)?.cell === 5)).toBe(true);
  });

  it('a notebook cell whose library call raises shows the same error output (no tracer frames)', () => {
    const notebook = {
      cells: [
        { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: 'import numpy as np\nfrom sklearn.linear_model import ElasticNet' },
        { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: "ElasticNet(l1_ratio='x').fit(np.ones((4, 2)), np.arange(4.0))" },
      ],
      metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const outputs = (traced: boolean) => {
      const root = mkdtempSync(join(tmpdir(), 'mspr-nb-error-'));
      writeFileSync(join(root, 'nb.ipynb'), JSON.stringify(notebook));
      const result = runPython(root, ['python', '-m', 'nbconvert', '--to', 'notebook', '--execute', '--allow-errors', '--output', 'out', 'nb.ipynb'], { traced, notebook: 'nb.ipynb' });
      expect(result.exitCode, result.stderr).toBe(0);
      return JSON.stringify(JSON.parse(readFileSync(join(root, 'out.ipynb'), 'utf8')).cells.map((c: { outputs: unknown }) => c.outputs));
    };
    const traced = outputs(true);
    expect(traced).toBe(outputs(false));
    expect(traced).toContain('InvalidParameterError');
    expect(traced).not.toContain('mspr_tracer');
  });

  it('pyplot state: show and close leave the current figure where the program put it', () => {
    // Figure 1 is made current again before show(): a hook that activates each open figure to describe it
    // would leave figure 2 current, so the title, the saved file and close() would all hit the wrong one.
    const script = [
      'import matplotlib.pyplot as plt',
      'plt.figure()',
      'plt.plot([1, 2, 3])',
      'plt.figure()',
      'plt.plot([3, 2, 1])',
      'plt.figure(1)',
      'plt.show()',
      'plt.title("Courante")',
      'plt.savefig("courante.png")',
      'plt.close()',
      'print(plt.gcf().number, plt.get_fignums())',
      '',
    ].join('\n');
    const run = (traced: boolean) => {
      const root = mkdtempSync(join(tmpdir(), 'mspr-pyplot-state-'));
      writeFileSync(join(root, 'figures.py'), script);
      return runPython(root, ['python', 'figures.py'], { traced });
    };
    const plain = run(false);
    const traced = run(true);
    expect(plain.exitCode, plain.stderr).toBe(0);
    expect(plain.stdout).toBe('2 [2]\n');
    expect(traced.exitCode, traced.stderr).toBe(0);
    expect(traced.stdout).toBe(plain.stdout);
    expect(traced.stderr).toBe(plain.stderr);
    expect(filesOf(traced.workspace).get('courante.png')?.equals(filesOf(plain.workspace).get('courante.png')!)).toBe(true);
    expect(traced.events.filter((e) => e.type === 'figure' && e.trigger === 'show').length).toBe(2);
  });

  it('is inert without MSPR_TRACE_DIR even when on PYTHONPATH', () => {
    const root = fixtureCopy('reg-split-60-40', 'logements/logements.csv');
    const result = runPython(root, ['python', 'modele.py'], { traced: false, extraEnv: { PYTHONPATH: join(process.cwd(), 'runner/tracer/python') } });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.traceFiles).toEqual([]);
    expect(filesOf(root).has('events')).toBe(false);
  });
});
