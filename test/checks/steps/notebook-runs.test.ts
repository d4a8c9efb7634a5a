import { expect } from 'vitest';
import check from '../../../checks/steps/notebook-runs.js';
import { testCheck } from '../../../checks/tester.js';
import { workspaceFiles } from '../../../runner/evidence/workspace-files.js';
import { notebookJson, runNotebooks } from '../../helpers/run-notebooks.js';
import { tempRepo } from '../../helpers/temp-repo.js';

const DATA = { 'data/ventes.csv': 'date;montant\n2024-01-02;12,5\n2024-01-03;8\n' };
const GOOD = notebookJson([{ markdown: '# Analyse des ventes' }, 'import pandas as pd', "ventes = pd.read_csv('../data/ventes.csv', sep=';', decimal=',')", 'ventes.describe()']);
const BROKEN = notebookJson(['import pandas as pd', 'x = 1', 'y = 2', 'z = x + y', "clients = pd.read_csv('../data/clients.csv')", 'clients.head()']);

function ran(files: Record<string, string>, entries: string[]) {
  return async () => {
    const { records, workspaceRoot } = await runNotebooks(files, entries);
    return { steps: records, workspace: workspaceFiles(workspaceRoot) };
  };
}

testCheck(check, {
  valid: [
    {
      name: 'a notebook in notebooks/ reading ../data runs to its end',
      evidence: ran({ ...DATA, 'notebooks/analyse.ipynb': GOOD }, ['notebooks/analyse.ipynb']),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['1 notebook ran top to bottom without error: notebooks/analyse.ipynb (3 cells).'],
        includesFr: ['notebooks/analyse.ipynb (3 cellules)'],
        evidence: [{ subject: 'notebooks/analyse.ipynb', expected: '3/3 cells', actual: '3/3 cells', data: expect.objectContaining({ cells: 3, executed: 3, status: 'ok' }) }],
      },
    },
    {
      name: 'one notebook runs, another fails: the criterion asks for one',
      evidence: ran({ ...DATA, 'notebooks/analyse.ipynb': GOOD, 'notebooks/clients.ipynb': BROKEN }, ['notebooks/analyse.ipynb', 'notebooks/clients.ipynb']),
      expect: { status: 'pass', message: 'pass', includes: ['notebooks/analyse.ipynb (3 cells)'] },
    },
  ],
  invalid: [
    {
      name: 'the only notebook fails at cell 5 on a missing file: the cell is named',
      evidence: ran({ ...DATA, 'notebooks/clients.ipynb': BROKEN }, ['notebooks/clients.ipynb']),
      expect: {
        status: 'fail',
        message: 'fail',
        includes: ["notebooks/clients.ipynb (cell 5/6: `clients = pd.read_csv('../data/clients.csv')` → FileNotFoundError)"],
        includesFr: ["notebooks/clients.ipynb (cellule 5/6 : `clients = pd.read_csv('../data/clients.csv')` → FileNotFoundError)"],
        evidence: [{ subject: 'notebooks/clients.ipynb', location: { file: 'notebooks/clients.ipynb', cell: 5 }, actual: '4/6 cells', data: expect.objectContaining({ failedCell: '5/6', error: expect.stringContaining('FileNotFoundError') }) }],
      },
    },
    {
      name: 'notebooks present but the plan runs scripts only (required)',
      evidence: () => ({ workspace: tempRepo({ 'main.py': 'print(1)\n', 'notebooks/eda.ipynb': GOOD }) }),
      options: { required: true },
      expect: { status: 'fail', message: 'notRun', includes: ['notebooks/eda.ipynb'], evidence: [{ subject: 'notebooks', actual: 1 }] },
    },
    {
      name: 'no notebook, and the scenario requires one',
      evidence: () => ({ workspace: tempRepo({ 'main.py': 'print(1)\n' }) }),
      options: { required: true },
      expect: { status: 'fail', message: 'none', evidence: [{ subject: '*.ipynb', actual: 0 }] },
    },
    {
      name: 'no notebook, none required',
      evidence: () => ({ workspace: tempRepo({ 'main.py': 'print(1)\n' }) }),
      expect: { status: 'skip', message: 'absent' },
    },
  ],
});
