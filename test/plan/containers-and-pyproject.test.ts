import { describe, expect, it } from 'vitest';
import { planOf, skippedOf, stepsOf } from './plan-helpers.js';

describe('run plan from docker-compose, Dockerfile and pyproject.toml', () => {
  it('compose services that run Python, in file order, each with its `command:` line; servers and images left out', () => {
    const plan = planOf({
      'docker-compose.yml': [
        'services:',
        '  db:',
        '    image: postgres:16',
        '  etl:',
        '    build: .',
        '    command: python src/etl.py --full',
        '  train:',
        '    build: .',
        '    working_dir: /app/ml',
        '    command: ["python", "train.py"]',
        '  api:',
        '    build: .',
        '    command: uvicorn api:app --host 0.0.0.0',
        '  jobs:',
        '    build: .',
        '    command: sh -c "python src/etl.py && python ml/report.py"',
      ].join('\n'),
      Dockerfile: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nCOPY . .\nCMD ["python", "src/etl.py"]\n',
      'src/etl.py': '',
      'ml/train.py': '',
      'ml/report.py': '',
    });
    expect(stepsOf(plan)).toEqual([
      { run: ['python', 'src/etl.py', '--full'], cwd: '.', reason: 'docker-compose.yml:6' },
      { run: ['python', 'train.py'], cwd: 'ml', reason: 'docker-compose.yml:10' },
      { run: ['python', 'src/etl.py'], cwd: '.', reason: 'docker-compose.yml:16' },
      { run: ['python', 'ml/report.py'], cwd: '.', reason: 'docker-compose.yml:16' },
    ]);
    expect(skippedOf(plan)).toEqual(['uvicorn api:app --host 0.0.0.0 (docker-compose.yml:13): server (API or app): it never ends on its own; serving is started separately by the scenario']);
  });

  it('Dockerfile alone: ENTRYPOINT + CMD combined, WORKDIR mapped back into the repository', () => {
    const plan = planOf({
      Dockerfile: 'FROM python:3.11 AS build\nCMD ["python", "nothing.py"]\n\nFROM python:3.11\nCOPY . /srv/projet\nWORKDIR /srv/projet/pipeline\nENTRYPOINT ["python"]\nCMD ["run_all.py", "--annee", "2024"]\n',
      'pipeline/run_all.py': '',
    });
    expect(stepsOf(plan)).toEqual([{ run: ['python', 'run_all.py', '--annee', '2024'], cwd: 'pipeline', reason: 'Dockerfile:7' }]);
    expect(plan.steps[0]!.entry).toBe('pipeline/run_all.py');
  });

  it('a Dockerfile that serves (python app.py of a Flask app) gives no step, and discovery goes on', () => {
    const plan = planOf({
      Dockerfile: 'FROM python:3.11\nWORKDIR /app\nCOPY . .\nCMD python app.py\n',
      'app.py': 'from flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0")\n',
      'etl.py': 'if __name__ == "__main__":\n    print(1)\n',
    });
    expect(stepsOf(plan)).toEqual([{ run: ['python', 'etl.py'], cwd: '.', reason: 'etl.py:1 (__main__)' }]);
    expect(skippedOf(plan)).toEqual(['python app.py (Dockerfile:4): server (API or app): it never ends on its own; serving is started separately by the scenario']);
  });

  it('README docker lines: `docker-compose exec app <cmd>` and `docker run … image <cmd>` resolve to <cmd>; an image alone cannot be read', () => {
    const plan = planOf({
      'README.md': ['## Lancer', '', '```', 'docker-compose exec app python src/etl.py', 'docker run --rm -v $(pwd):/app -w /app monimage python3 -m src.train', 'docker run -it monimage', 'docker compose run --bizarre app python x.py', '```'].join('\n'),
      'docker-compose.yml': 'services:\n  app:\n    image: python:3.11\n    working_dir: /app\n',
      'src/etl.py': '',
      'src/train.py': '',
    });
    expect(stepsOf(plan)).toEqual([
      { run: ['python', 'src/etl.py'], cwd: '.', reason: 'README.md:4' },
      { run: ['python', '-m', 'src.train'], cwd: '.', reason: 'README.md:5' },
    ]);
    expect(skippedOf(plan)).toEqual([
      'docker run -it monimage (README.md:6): Docker command whose program could not be read (no command, no service with `command:`)',
      'docker compose run --bizarre app python x.py (README.md:7): Docker command whose program could not be read (no command, no service with `command:`)',
    ]);
  });

  it('[project.scripts] call their function the way the installed script would, src layout included', () => {
    const plan = planOf({
      'pyproject.toml': '[project]\nname = "ventes"\n\n[project.scripts]\nventes-etl = "ventes.pipeline:main"\nventes-api = "ventes.api:serve"\nautre = "absent.module:run"\n',
      'src/ventes/__init__.py': '',
      'src/ventes/pipeline.py': 'def main():\n    return 0\n',
      'src/ventes/api.py': 'import uvicorn\n\ndef serve():\n    uvicorn.run("ventes.api:app")\n',
    });
    expect(stepsOf(plan)).toEqual([
      { run: ['python', '-c', 'import sys; sys.path.insert(0, "src"); from ventes.pipeline import main; sys.exit(main())'], cwd: '.', reason: 'pyproject.toml:5 (script ventes-etl)' },
    ]);
    expect(plan.steps[0]!.entry).toBe('src/ventes/pipeline.py');
    expect(skippedOf(plan)).toEqual([
      'ventes-api = "ventes.api:serve" (pyproject.toml:6 (script ventes-api)): server (API or app): it never ends on its own; serving is started separately by the scenario',
      'autre = "absent.module:run" (pyproject.toml:7 (script autre)): the module absent.module is not in the repository',
    ]);
  });
});
