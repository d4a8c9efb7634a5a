import { blockedText, blockOf, blockingFailures } from '../../runner/failure/blocked-verdict.js';
import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { failedCellLabel } from '../../runner/notebook/notebook-run.js';
import type { StepRecord } from '../../runner/steps/step-record.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';

interface Options {
  /** The scenario requires a notebook (C2.6): none present is a fail, not a skip. */
  required: boolean;
}

const ran = (step: StepRecord) => step.status === 'ok' && (step.notebook?.completed ?? true);

function notebookEvidence(step: StepRecord): Evidence {
  const run = step.notebook;
  const cell = run && step.status !== 'ok' ? failedCellLabel(run) : undefined;
  return {
    kind: 'step',
    subject: step.entry ?? step.id,
    location: { file: step.entry ?? step.id, ...(run?.failed ? { cell: run.failed.cell } : {}) },
    expected: run ? `${run.cells}/${run.cells} cells` : 'ok',
    actual: run ? `${run.executed}/${run.cells} cells` : step.status,
    data: {
      status: step.status,
      ...(run ? { cells: run.cells, executed: run.executed } : {}),
      ...(cell ? { failedCell: cell.position, line: cell.line, error: run?.failed ? `${run.failed.name}: ${run.failed.message}`.slice(0, 300) : null } : {}),
      ...(step.failure ? { owner: step.failure.owner, cause: step.failure.cause } : {}),
    },
  };
}

/** `notebooks/eda.ipynb (cellule 5/9 : `df = pd.read_csv('../data/x.csv')` → FileNotFoundError)`. */
function failedText(step: StepRecord): Localized {
  const name = step.entry ?? step.id;
  const cell = step.notebook ? failedCellLabel(step.notebook) : undefined;
  if (!cell) return t(`${name} (${step.status})`, `${name} (${step.status})`);
  const code = cell.line ? ` \`${cell.line.length > 80 ? `${cell.line.slice(0, 79)}…` : cell.line}\`` : '';
  const arrow = cell.error ? ` → ${cell.error}` : '';
  return t(`${name} (cellule ${cell.position} :${code}${arrow})`, `${name} (cell ${cell.position}:${code}${arrow})`);
}

export default defineCheck({
  meta: {
    id: 'steps/notebook-runs',
    title: { fr: 'Un notebook s’exécute de bout en bout', en: 'A notebook runs top to bottom' },
    criteria: ['cdp-data-ia:C2.6'],
    evidence: ['step', 'artifact'],
    options: { type: 'object', additionalProperties: false, properties: { required: { type: 'boolean', default: false, description: 'the scenario requires a notebook: none is a fail' } } },
    messages: {
      pass: { fr: '{count} {count|notebook exécuté|notebooks exécutés} de bout en bout sans erreur : {list}.', en: '{count} {count|notebook|notebooks} ran top to bottom without error: {list}.' },
      fail: {
        fr: 'Aucun notebook ne s’exécute jusqu’au bout : {list}. Attendu : au moins un notebook qui s’exécute de la première à la dernière cellule (Redémarrer et tout exécuter). Corrigez la cellule indiquée.',
        en: 'No notebook runs to its end: {list}. Expected: at least one notebook that runs from its first cell to its last (Restart and run all). Fix the cell named.',
      },
      environment: {
        fr: 'Non évaluable : les notebooks se sont arrêtés pour une raison extérieure au code de l’équipe ({list}) : {reason}',
        en: 'Could not be judged: the notebooks stopped for a reason outside the team’s code ({list}): {reason}',
      },
      notRun: {
        fr: 'Des notebooks sont présents ({list}) mais le plan ne les exécute pas. Attendu : un notebook exécuté. Listez-le dans mspr.yaml, sous « run: ».',
        en: 'Notebooks are present ({list}) but the plan does not run them. Expected: a notebook that runs. List it in mspr.yaml (run:).',
      },
      none: {
        fr: 'Aucun notebook (.ipynb) dans le dépôt. Attendu : au moins un notebook qui s’exécute de bout en bout. Ajoutez par exemple notebooks/analyse.ipynb.',
        en: 'No notebook (.ipynb) in the repository. Expected: at least one notebook that runs top to bottom. Add for instance notebooks/analyse.ipynb.',
      },
      absent: { fr: 'Aucun notebook dans le dépôt ; ce scénario n’en exige pas.', en: 'No notebook in the repository; this scenario does not require one.' },
    },
  },
  run({ steps, workspace, options }: CheckContext<Options>) {
    const notebooks = steps.filter((step) => step.kind === 'notebook');
    if (notebooks.length === 0) {
      const present = workspace.list().filter((path) => path.endsWith('.ipynb') && !path.includes('.ipynb_checkpoints/'));
      if (present.length > 0) {
        return { status: options.required ? 'fail' : 'skip', message: 'notRun', params: { list: present.slice(0, 5).join(', ') }, evidence: [{ kind: 'artifact', subject: 'notebooks', expected: 'run', actual: present.length, data: { files: present.slice(0, 20) } }] };
      }
      return options.required ? { status: 'fail', message: 'none', evidence: [{ kind: 'artifact', subject: '*.ipynb', expected: '>= 1', actual: 0 }] } : { status: 'skip', message: 'absent' };
    }
    const evidence = notebooks.map(notebookEvidence);
    const good = notebooks.filter(ran);
    if (good.length > 0) {
      const list = good.map((step) => `${step.entry ?? step.id}${step.notebook ? ` (${step.notebook.cells} cells)` : ''}`).join(', ');
      return { status: 'pass', message: 'pass', params: { count: good.length, list: t(list.replace(/ cells\)/g, ' cellules)'), list) }, evidence };
    }
    const blocked = blockingFailures(notebooks);
    if (blocked.length === notebooks.length) {
      return { status: 'error', score: 0, message: 'environment', params: { list: blocked.map(({ step }) => step).join('; '), reason: blockedText(blocked) }, evidence, blockedBy: blockOf(blocked) };
    }
    return { status: 'fail', message: 'fail', params: { list: joinLocalized(notebooks.map(failedText), '; ') }, evidence };
  },
});
