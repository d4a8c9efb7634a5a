import { describe, expect, it } from 'vitest';
import { planOf, skippedOf, stepsOf } from './plan-helpers.js';

const MAKEFILE = [
  'PYTHON ?= python3',
  'PYTHON ?= python2',
  'SRC := src',
  'FLAGS = --seed 1',
  'FLAGS += --verbose',
  'COMPOSE = docker compose',
  '',
  '.PHONY: all etl train install test',
  '',
  'all: etl train ## tout le pipeline',
  '',
  'install:',
  '\tpip install -r requirements.txt',
  '',
  'etl: install',
  '\t@echo "ETL..."',
  '\t$(COMPOSE) run --rm app $(PYTHON) $(SRC)/etl/build.py',
  '',
  'train: etl',
  '\t-${COMPOSE} run --rm -e SEED=1 app python ${SRC}/models/train.py $(FLAGS)',
  '\t$(PYTHON) -c "print(1)"',
  '',
  'test:',
  '\tpytest',
  '',
].join('\n');

const FILES = {
  Makefile: MAKEFILE,
  'requirements.txt': 'pandas\n',
  'src/etl/build.py': 'print(1)\n',
  'src/models/train.py': 'print(2)\n',
  'docker-compose.yml': 'services:\n  app:\n    build: .\n    volumes: [".:/app"]\n',
  Dockerfile: 'FROM python:3.11\nWORKDIR /app\nCOPY . .\nCMD ["python", "src/models/train.py"]\n',
};

describe('run plan from a Makefile (resolved, never run)', () => {
  it('conventional target `all`: prerequisites first, each once; variables expanded (any interpreter is `python`, the sandbox’s); `docker compose run … app <cmd>` resolves to <cmd>', () => {
    const plan = planOf(FILES);
    expect(stepsOf(plan)).toEqual([
      { run: ['python', 'src/etl/build.py'], cwd: '.', reason: 'Makefile:17 (target etl)' },
      { run: ['python', 'src/models/train.py', '--seed', '1', '--verbose'], cwd: '.', reason: 'Makefile:20 (target train)' },
    ]);
    expect(plan.steps.map((s) => s.id)).toEqual(['src/etl/build.py', 'python src/models/train.py --seed 1 --verbose']);
    expect(skippedOf(plan)).toEqual([
      'pip install -r requirements.txt (Makefile:13 (target install)): dependency installation: the run’s environment is prepared by mspr-lab',
      'python3 -c print(1) (Makefile:21 (target train)): inline Python (-c): not a pipeline step',
    ]);
    // The Dockerfile's CMD runs a script already in the plan: not listed as left out.
    expect(plan.requirementFiles).toEqual([{ file: 'requirements.txt', reason: 'Makefile:13 (target install)' }]);
    expect(plan.notes[0]!.en).toContain('from the Makefile’s usual targets');
  });

  it('a target the README names, with the README line kept in the reason; the same command in README and Makefile runs once', () => {
    const plan = planOf({
      ...FILES,
      'README.md': '## Lancer\n\n```\npython3 src/etl/build.py\nmake train\nmake deploy\n```\n',
    });
    expect(stepsOf(plan)).toEqual([
      { run: ['python', 'src/etl/build.py'], cwd: '.', reason: 'README.md:4' },
      { run: ['python', 'src/models/train.py', '--seed', '1', '--verbose'], cwd: '.', reason: 'Makefile:20 (target train) ← README.md:5' },
    ]);
    expect(skippedOf(plan)).toContain('make deploy (README.md:6): target deploy is not in Makefile');
  });

  it('without `all`/`run`/`pipeline`, `etl` then `train`; `$(MAKE) x` and `cd dir && …` inside recipes', () => {
    const plan = planOf({
      Makefile: 'train:\n\tcd ia && python entrainement.py\n\netl:\n\t$(MAKE) extract\n\tpython -m etl.load\n\nextract:\n\tpython etl/extract.py\n\nreport:\n\tpython $(shell ls *.py)\n',
      'ia/entrainement.py': '',
      'etl/extract.py': '',
      'etl/load.py': '',
    });
    expect(stepsOf(plan)).toEqual([
      { run: ['python', 'etl/extract.py'], cwd: '.', reason: 'Makefile:9 (target extract) ← Makefile:5 (target etl)' },
      { run: ['python', '-m', 'etl.load'], cwd: '.', reason: 'Makefile:6 (target etl)' },
      { run: ['python', 'entrainement.py'], cwd: 'ia', reason: 'Makefile:2 (target train)' },
    ]);
    expect(plan.steps.map((s) => s.entry)).toEqual(['etl/extract.py', 'etl/load.py', 'ia/entrainement.py']);
  });

  it('a make function it cannot expand, and `make -C`, are left out with their reason', () => {
    const plan = planOf({
      Makefile: 'run:\n\t$(PY) $(shell ls src/*.py)\n',
      'README.md': '## Usage\n\n`make -C sous-projet run`\n',
    });
    expect(plan.steps).toEqual([]);
    expect(skippedOf(plan)).toEqual([
      'make -C sous-projet run (README.md:3): make in another folder (-C): not resolved',
      '$(shell ls src/*.py) (Makefile:2 (target run)): make function not resolved ($(…))',
    ]);
  });
});
