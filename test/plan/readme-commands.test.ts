import { describe, expect, it } from 'vitest';
import { planOf, script, skippedOf, stepsOf } from './plan-helpers.js';

describe('run plan from the README', () => {
  it('French « Lancer » heading: fenced block and inline code, in README order', () => {
    const plan = planOf({
      'README.md': [
        '# Projet ventes',
        '',
        'Ce dépôt charge les ventes. Le fichier `main.py` est décrit plus bas.',
        '',
        '## Installation',
        '',
        '```bash',
        'python -m venv .venv',
        'source .venv/bin/activate',
        'pip install -r requirements/dev.txt',
        '```',
        '',
        '## Lancer le projet',
        '',
        'Lancer : `python etl/main.py` puis :',
        '',
        '```',
        'python3 train.py --final',
        '```',
        '',
        '## Tests',
        '',
        '`pytest tests/`',
        '',
        '## API',
        '',
        '`uvicorn api.app:app --reload`',
      ].join('\n'),
      'requirements/dev.txt': 'pandas\n',
      'etl/main.py': 'print(1)\n',
      'train.py': 'print(2)\n',
    });
    expect(plan.origin).toBe('discovered');
    expect(stepsOf(plan)).toEqual([
      { run: ['python', 'etl/main.py'], cwd: '.', reason: 'README.md:15' },
      { run: ['python', 'train.py', '--final'], cwd: '.', reason: 'README.md:18' },
    ]);
    expect(plan.steps.map((s) => s.id)).toEqual(['etl/main.py', 'python train.py --final']);
    expect(plan.requirementFiles).toEqual([{ file: 'requirements/dev.txt', reason: 'README.md:10' }]);
    expect(skippedOf(plan)).toEqual([
      'python -m venv .venv (README.md:8): virtual environment: the run has its own',
      'source .venv/bin/activate (README.md:9): virtual environment: the run has its own',
      'pip install -r requirements/dev.txt (README.md:10): dependency installation: the run’s environment is prepared by mspr-lab',
      'pytest tests/ (README.md:23): tests: not part of the pipeline (the grading judges what the pipeline produces)',
      'uvicorn api.app:app --reload (README.md:27): server (API or app): it never ends on its own; serving is started separately by the scenario',
    ]);
    expect(plan.notes[0]!.en).toBe('No mspr.yaml: ran etl/main.py, python train.py --final, from README.md (`mspr-lab plan` says why; `mspr-lab init` writes it as an mspr.yaml to correct).');
  });

  it('English "Usage" heading, setext headings, console prompts with their output left out', () => {
    const plan = planOf({
      'README.md': [
        'Sales pipeline',
        '==============',
        '',
        'How it works: `python docs/explain.py` renders the docs.',
        '',
        'Usage',
        '-----',
        '',
        '```console',
        '$ python -m src.pipeline --year 2024',
        'Loaded 2000 rows',
        '$ make report',
        '```',
      ].join('\n'),
      'src/__init__.py': '',
      'src/pipeline.py': 'print(1)\n',
      'docs/explain.py': 'print(1)\n',
    });
    expect(stepsOf(plan)).toEqual([{ run: ['python', '-m', 'src.pipeline', '--year', '2024'], cwd: '.', reason: 'README.md:10' }]);
    expect(plan.steps[0]!.entry).toBe('src/pipeline.py');
    expect(skippedOf(plan)).toEqual([
      'python docs/explain.py (README.md:4): outside the README sections that say how to run the project',
      'make report (README.md:12): no Makefile at the repository root',
    ]);
  });

  it('without any run section, every command of the README counts', () => {
    const plan = planOf({ 'README.md': '# Équipe 1\n\nPrérequis : `python 3.11`.\n\n`python src/main.py` charge les données.\n', 'src/main.py': 'print(1)\n' });
    expect(stepsOf(plan)).toEqual([{ run: ['python', 'src/main.py'], cwd: '.', reason: 'README.md:5' }]);
    expect(plan.skipped).toEqual([]);
  });

  it('cd dir && python … runs from dir; a `cd` line alone carries over to the next lines of its block', () => {
    const plan = planOf({
      'README.md': ['## Exécution', '', '```sh', 'cd etl && python build.py', 'cd ia', 'python train.py', 'cd ..', 'python report.py', '```', '', 'Ou : `cd etl && python build.py`'].join('\n'),
      'etl/build.py': 'print(1)\n',
      'ia/train.py': 'print(1)\n',
      'report.py': 'print(1)\n',
    });
    expect(stepsOf(plan)).toEqual([
      { run: ['python', 'build.py'], cwd: 'etl', reason: 'README.md:4' },
      { run: ['python', 'train.py'], cwd: 'ia', reason: 'README.md:6' },
      { run: ['python', 'report.py'], cwd: '.', reason: 'README.md:8' },
    ]);
    expect(plan.steps.map((s) => s.id)).toEqual(['etl/build.py', 'ia/train.py', 'report.py']);
  });

  it('notebooks executed by nbconvert run from their own folder; a ```python block is code, not commands', () => {
    const plan = planOf({
      'README.md': ['## Utilisation', '', '```python', 'import pandas as pd', 'python = 3', '```', '', '```bash', 'jupyter nbconvert --to notebook --execute notebooks/*.ipynb', 'jupyter notebook', '```'].join('\n'),
      'notebooks/02_modele.ipynb': '{}',
      'notebooks/01_exploration.ipynb': '{}',
    });
    expect(stepsOf(plan)).toEqual([
      { run: ['notebooks/01_exploration.ipynb'], cwd: 'notebooks', reason: 'README.md:9' },
      { run: ['notebooks/02_modele.ipynb'], cwd: 'notebooks', reason: 'README.md:9' },
    ]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['notebook', 'notebook']);
    expect(skippedOf(plan)).toEqual(['jupyter notebook (README.md:10): opens an interactive editor (Jupyter): nothing to run']);
  });

  it('a README naming files the repository lacks, placeholders, Windows paths, streamlit and app.py serving', () => {
    const plan = planOf({
      'README.md': ['## Lancement', '', '```', 'python .\\src\\main.py', 'python train.py <chemin_des_donnees>', 'python old/etl.py', 'streamlit run dashboard.py', 'python app.py', '```'].join('\n'),
      'src/main.py': script(),
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(port=5000)\n',
      'train.py': '',
    });
    expect(stepsOf(plan)).toEqual([{ run: ['python', './src/main.py'], cwd: '.', reason: 'README.md:4' }]);
    expect(plan.steps[0]!.id).toBe('src/main.py');
    expect(skippedOf(plan)).toEqual([
      'python train.py <chemin_des_donnees> (README.md:5): the command has a parameter to fill in (<…>)',
      'python old/etl.py (README.md:6): the file old/etl.py is not in the repository',
      'streamlit run dashboard.py (README.md:7): server (API or app): it never ends on its own; serving is started separately by the scenario',
      'python app.py (README.md:8): server (API or app): it never ends on its own; serving is started separately by the scenario',
    ]);
  });

  it('the same command written twice runs once', () => {
    const plan = planOf({ 'README.md': '## Run\n\n`python etl.py`\n\n```\npython etl.py\n```\n', 'etl.py': '' });
    expect(stepsOf(plan)).toEqual([{ run: ['python', 'etl.py'], cwd: '.', reason: 'README.md:3' }]);
  });
});
