import { expect } from 'vitest';
import check from '../../../checks/steps/succeeded.js';
import { testCheck } from '../../../checks/tester.js';
import { workspaceFiles } from '../../../runner/evidence/workspace-files.js';
import { notebookJson, runNotebooks } from '../../helpers/run-notebooks.js';
import { runPythonSteps } from '../../helpers/run-python-steps.js';

const crashing = `import pandas as pd

def load():
    frame = pd.DataFrame({"prix": [1, 2]})
    return frame["price"]

print("start")
load()
`;

/** Evidence from a real run of these scripts. */
function ran(files: Record<string, string>, steps: Array<{ entry: string; optional?: boolean; timeoutSec?: number }>) {
  return async () => {
    const { records, workspaceRoot } = await runPythonSteps(files, steps);
    return { steps: records, workspace: workspaceFiles(workspaceRoot) };
  };
}

testCheck(check, {
  valid: [
    {
      name: 'two scripts that both succeed',
      evidence: ran({ 'etl.py': 'print("etl ok")\n', 'model.py': 'print("model ok")\n' }, [{ entry: 'etl.py' }, { entry: 'model.py' }]),
      expect: { status: 'pass', message: 'pass', includes: ['All 2 steps'], evidence: [{ subject: 'pipeline:etl.py', actual: 'ok' }] },
    },
    {
      name: 'an optional step may fail',
      evidence: ran({ 'etl.py': 'print(1)\n', 'extra.py': 'raise SystemExit(3)\n' }, [{ entry: 'etl.py' }, { entry: 'extra.py', optional: true }]),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'pipeline:extra.py', actual: 'failed', data: expect.objectContaining({ exitCode: 3 }) }] },
    },
  ],
  invalid: [
    {
      name: 'a notebook failing at cell 5 on a missing file names the cell, its first line and the error',
      evidence: async () => {
        const { records, workspaceRoot } = await runNotebooks({ 'notebooks/eda.ipynb': notebookJson(['import pandas as pd', 'a = 1', 'b = 2', 'c = a + b', "df = pd.read_csv('../data/x.csv')", 'df.head()']) }, ['notebooks/eda.ipynb']);
        return { steps: records, workspace: workspaceFiles(workspaceRoot) };
      },
      expect: {
        status: 'fail',
        message: 'fail',
        includes: ["pipeline:notebooks/eda.ipynb (failed, cell 5/6: `df = pd.read_csv('../data/x.csv')` → FileNotFoundError)"],
        includesFr: ["pipeline:notebooks/eda.ipynb (échec, cellule 5/6 : `df = pd.read_csv('../data/x.csv')` → FileNotFoundError)"],
        evidence: [{ subject: 'pipeline:notebooks/eda.ipynb', actual: 'failed', data: expect.objectContaining({ cells: 6, executedCells: 4, failedCell: '5/6' }) }],
      },
    },
    {
      name: 'a script raising KeyError points at the candidate line',
      evidence: ran({ 'etl.py': crashing }, [{ entry: 'etl.py' }]),
      expect: {
        status: 'fail',
        message: 'fail',
        includes: ["pipeline:etl.py (failed: KeyError: 'price')"],
        evidence: [{ subject: 'pipeline:etl.py', actual: 'failed', location: { file: 'etl.py', line: 5 } }],
      },
    },
    {
      name: 'one of two scripts fails: partial score',
      evidence: ran({ 'etl.py': 'print(1)\n', 'model.py': 'import sys\nsys.exit(2)\n' }, [{ entry: 'etl.py' }, { entry: 'model.py' }]),
      expect: { status: 'fail', message: 'fail', score: 0.5, includes: ['1 of 2 steps failed'] },
    },
    {
      name: 'an endless loop is reported as a timeout',
      evidence: ran({ 'loop.py': 'while True:\n    pass\n' }, [{ entry: 'loop.py', timeoutSec: 1 }]),
      expect: { status: 'fail', message: 'fail', includes: ['pipeline:loop.py (timeout)'], evidence: [{ subject: 'pipeline:loop.py', actual: 'timeout' }] },
    },
    {
      name: 'a missing entry file is an error step, not a crash',
      evidence: ran({ 'README.md': '# x\n' }, [{ entry: 'main.py' }]),
      expect: { status: 'fail', message: 'fail', includes: ['pipeline:main.py (error)'], evidence: [{ subject: 'pipeline:main.py', actual: 'error' }] },
    },
    {
      name: 'nothing ran at all',
      evidence: { steps: [] },
      expect: { status: 'fail', message: 'none' },
    },
  ],
});
