import { describe, expect, it } from 'vitest';
import { GUARD, planOf, script, skippedOf, stepsOf } from './plan-helpers.js';

describe('run plan from named __main__ scripts and numbered notebooks', () => {
  it('scripts named after their stage, in any folder, ETL before training; tests, servers, unguarded and unnamed scripts left out', () => {
    const plan = planOf({
      'src/models/train_model.py': script(),
      'src/etl/extract.py': script(),
      'src/etl/load.py': script(),
      'src/etl/transform.py': script(),
      'src/features/build.py': script(),
      'src/utils.py': 'def helper():\n    pass\n',
      'model_utils.py': 'def f():\n    pass\n',
      'tests/test_extract.py': script(),
      'etl_api.py': `from fastapi import FastAPI\nimport uvicorn\napp = FastAPI()${GUARD.replace('main()', 'uvicorn.run(app)')}`,
    });
    expect(stepsOf(plan)).toEqual([
      { run: ['python', 'src/etl/extract.py'], cwd: '.', reason: 'src/etl/extract.py:5 (__main__)' },
      { run: ['python', 'src/etl/transform.py'], cwd: '.', reason: 'src/etl/transform.py:5 (__main__)' },
      { run: ['python', 'src/etl/load.py'], cwd: '.', reason: 'src/etl/load.py:5 (__main__)' },
      { run: ['python', 'src/models/train_model.py'], cwd: '.', reason: 'src/models/train_model.py:5 (__main__)' },
    ]);
    expect(skippedOf(plan)).toEqual(['etl_api.py: server (API or app): it never ends on its own; serving is started separately by the scenario']);
  });

  it('a root orchestrator runs, the stage scripts it imports are not run again, the others are; main.py needs no guard', () => {
    const plan = planOf({
      'main.py': 'from etl.extract import extraire\nimport train\n\nextraire()\ntrain.main()\n',
      'pipeline.py': script(),
      'etl/extract.py': script(),
      'etl/clean.py': script(),
      'train.py': script(),
      'etl/main.py': script(),
    });
    expect(stepsOf(plan)).toEqual([
      { run: ['python', 'etl/main.py'], cwd: '.', reason: 'etl/main.py:5 (__main__)' },
      { run: ['python', 'etl/clean.py'], cwd: '.', reason: 'etl/clean.py:5 (__main__)' },
      { run: ['python', 'main.py'], cwd: '.', reason: 'main.py (conventional name)' },
    ]);
    expect(skippedOf(plan)).toEqual([
      'etl/extract.py: called by main.py, which is run',
      'pipeline.py: another entry point: main.py is run instead',
      'train.py: called by main.py, which is run',
    ]);
  });

  it('notebooks by their numeric prefix, each from its own folder; a notebook importing src gets the root on PYTHONPATH', () => {
    const notebook = (code: string) => JSON.stringify({ cells: [{ cell_type: 'code', source: [code] }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const plan = planOf({
      'notebooks/10_rapport.ipynb': notebook('print(1)'),
      'notebooks/02_modelisation.ipynb': notebook('from src.features import preparer\n'),
      'notebooks/01_exploration.ipynb': notebook('import pandas as pd\ndf = pd.read_csv("../data/x.csv")'),
      'notebooks/brouillon.ipynb': notebook('1'),
      'notebooks/.ipynb_checkpoints/01_exploration-checkpoint.ipynb': notebook('1'),
      'src/features.py': 'def preparer():\n    pass\n',
    });
    expect(plan.steps.map(({ id, kind, cwd, reason, pythonPathRoot }) => ({ id, kind, cwd, reason, pythonPathRoot }))).toEqual([
      { id: 'notebooks/01_exploration.ipynb', kind: 'notebook', cwd: 'notebooks', reason: 'notebooks/01_exploration.ipynb (notebook)', pythonPathRoot: false },
      { id: 'notebooks/02_modelisation.ipynb', kind: 'notebook', cwd: 'notebooks', reason: 'notebooks/02_modelisation.ipynb (notebook)', pythonPathRoot: true },
      { id: 'notebooks/10_rapport.ipynb', kind: 'notebook', cwd: 'notebooks', reason: 'notebooks/10_rapport.ipynb (notebook)', pythonPathRoot: false },
      { id: 'notebooks/brouillon.ipynb', kind: 'notebook', cwd: 'notebooks', reason: 'notebooks/brouillon.ipynb (notebook)', pythonPathRoot: false },
    ]);
  });

  it('the root on PYTHONPATH only for code importing the repository’s own package from another folder', () => {
    const plan = planOf({
      'README.md': '## Lancer\n\n```\npython src/etl/build.py\npython -m ia.src.run_training\npython src/models/train.py\ncd outils && python nettoyer.py\n```\n',
      'src/__init__.py': '',
      'src/etl/build.py': 'from src.etl.io import lire\n',
      'src/etl/io.py': '',
      'ia/src/run_training.py': 'import ia.src.ml.models as m\n',
      'ia/src/ml/models.py': '',
      'src/models/train.py': 'from helpers import x\n',
      'src/models/helpers.py': '',
      'outils/nettoyer.py': 'from outils_locaux import y\n',
      'outils/outils_locaux.py': '',
    });
    expect(plan.steps.map((s) => [s.id, s.pythonPathRoot])).toEqual([
      ['src/etl/build.py', true],
      ['python -m ia.src.run_training', true],
      ['src/models/train.py', false],
      ['outils/nettoyer.py', false],
    ]);
  });

  it('order of trust: a README command wins over scripts and notebooks, which are listed as not run', () => {
    const plan = planOf({
      'README.md': '## Utilisation\n\n`python etl.py`\n',
      'etl.py': script(),
      'train.py': script(),
      'notebooks/01_analyse.ipynb': '{"cells": []}',
    });
    expect(stepsOf(plan)).toEqual([{ run: ['python', 'etl.py'], cwd: '.', reason: 'README.md:3' }]);
    expect(skippedOf(plan)).toEqual([
      'train.py (train.py:5 (__main__)): not run: the plan comes from README.md',
      'notebooks/01_analyse.ipynb (notebooks/01_analyse.ipynb (notebook)): not run: the plan comes from README.md',
    ]);
  });

  it('nothing to run: the plan is empty and says what was looked for', () => {
    const plan = planOf({ 'README.md': '# Rien\n', 'lib/outils.py': 'x = 1\n' });
    expect(plan.steps).toEqual([]);
    expect(plan.notes[0]!.en).toMatch(/^No entry point found \(no mspr.yaml, no command in the README, no Makefile target/);
  });
});
