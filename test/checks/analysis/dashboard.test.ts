import check from '../../../checks/analysis/dashboard.js';
import { testCheck } from '../../../checks/tester.js';
import { workspaceFiles } from '../../../runner/evidence/workspace-files.js';
import { notebookJson, runNotebooks } from '../../helpers/run-notebooks.js';

// Real notebooks, executed with the tracer: the charts come from the trace, the descriptions from the markdown cells.
const DATA = { 'data/ventes.csv': 'region;montant;quantite\nNord;12.5;3\nSud;8;2\nEst;20;5\nOuest;15;4\n' };
const SETUP = ['import pandas as pd\nimport matplotlib.pyplot as plt', "ventes = pd.read_csv('../data/ventes.csv', sep=';')"];
const chart = (code: string, title: string) => `fig, ax = plt.subplots()\n${code}\nax.set_title('${title}')\nplt.show()`;
const DESCRIBED = notebookJson([
  ...SETUP,
  { markdown: '## Montant par région\nLe Nord et l’Est concentrent la plus grande part des ventes.' },
  chart("ax.bar(ventes['region'], ventes['montant'])", 'Montant par région'),
  { markdown: '## Distribution des montants\nLes montants se répartissent entre 8 et 20 euros.' },
  chart("ax.hist(ventes['montant'])", 'Distribution des montants'),
  chart("ax.scatter(ventes['quantite'], ventes['montant'])", 'Quantité et montant'),
  { markdown: 'La quantité vendue suit le montant de près.' },
]);
const BARE = notebookJson([...SETUP, chart("ax.bar(ventes['region'], ventes['montant'])", 'Montant'), chart("ax.hist(ventes['montant'])", 'Distribution')]);

function ran(files: Record<string, string>, entries: string[]) {
  return async () => {
    const { records, workspaceRoot, trace } = await runNotebooks(files, entries);
    return { steps: records, workspace: workspaceFiles(workspaceRoot), trace };
  };
}

testCheck(check, {
  valid: [
    {
      name: 'three charts, each next to a markdown cell with a title or a titled chart and a sentence',
      evidence: ran({ ...DATA, 'notebooks/tableau_de_bord.ipynb': DESCRIBED }, ['notebooks/tableau_de_bord.ipynb']),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['3 of 3 analyses described in the executed notebooks (3 charts): notebooks/tableau_de_bord.ipynb#3, notebooks/tableau_de_bord.ipynb#4, notebooks/tableau_de_bord.ipynb#5.'],
        evidence: [{ subject: 'notebooks/tableau_de_bord.ipynb#3', actual: 'described', location: { file: 'notebooks/tableau_de_bord.ipynb', line: 2, cell: 3 } }],
      },
    },
  ],
  invalid: [
    {
      name: 'charts without any description',
      evidence: ran({ ...DATA, 'notebooks/graphiques.ipynb': BARE }, ['notebooks/graphiques.ipynb']),
      expect: {
        status: 'fail',
        message: 'tooFew',
        includes: ['0 of 2 analyses described (2 charts); expected: at least 3.', 'Not described: notebooks/graphiques.ipynb#3, notebooks/graphiques.ipynb#4.'],
        evidence: [{ subject: 'notebooks/graphiques.ipynb#3', actual: 'not described' }],
      },
    },
    {
      name: 'a notebook without charts',
      evidence: ran({ ...DATA, 'notebooks/stats.ipynb': notebookJson([...SETUP, 'ventes.describe()']) }, ['notebooks/stats.ipynb']),
      expect: { status: 'fail', message: 'none', evidence: [{ subject: 'charts', actual: 0 }] },
    },
    { name: 'no trace', evidence: {}, expect: { status: 'fail', message: 'noTrace' } },
  ],
});
