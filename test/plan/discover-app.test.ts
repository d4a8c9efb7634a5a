import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRunPlan } from '../../runner/plan/build-run-plan.js';
import { describePlan } from '../../runner/plan/describe-plan.js';

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mspr-discover-app-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const FASTAPI = 'from fastapi import FastAPI\n\napp = FastAPI()\n';
const FLASK_SCRIPT = 'from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(debug=True)\n';

describe('the run plan finds the team’s app', () => {
  it('a README « Lancer : `uvicorn src.api.main:app --reload` », rewritten for the runner’s address', () => {
    const plan = buildRunPlan({ workspaceDir: repo({ 'README.md': '# API\n\nLancer : `uvicorn src.api.main:app --reload --port 8001`\n', 'src/api/main.py': FASTAPI }) });
    expect(plan.app).toEqual({ framework: 'fastapi', run: ['python', '-m', 'uvicorn', 'src.api.main:app', '--host', '{host}', '--port', '{port}'], entry: 'src/api/main.py', cwd: '.', reason: 'README.md:3', pythonPathRoot: true });
    expect(describePlan(plan, 'en').join('\n')).toContain('App (started by a scenario’s serve step): python -m uvicorn src.api.main:app --host {host} --port {port}   [from the root]   ← README.md:3');
  });

  it('`python app.py` whose code starts Flask, as written', () => {
    const plan = buildRunPlan({ workspaceDir: repo({ 'README.md': '## Utilisation\n\n```bash\npython app.py\n```\n', 'app.py': FLASK_SCRIPT }) });
    expect(plan.app).toMatchObject({ framework: 'flask', run: ['python', 'app.py'], reason: 'README.md:4' });
  });

  it('a Makefile recipe `flask --app web run`', () => {
    const plan = buildRunPlan({ workspaceDir: repo({ Makefile: 'serve:\n\tflask --app web run --debug\n', 'web.py': FLASK_SCRIPT }) });
    expect(plan.app).toMatchObject({ framework: 'flask', run: ['python', '-m', 'flask', '--app', 'web', 'run', '--host', '{host}', '--port', '{port}', '--no-reload'], reason: 'Makefile:2 (target serve)' });
  });

  it('a Dockerfile CMD', () => {
    const plan = buildRunPlan({ workspaceDir: repo({ Dockerfile: 'FROM python:3.11\nCOPY . /app\nWORKDIR /app\nCMD ["uvicorn", "api:app", "--host", "0.0.0.0"]\n', 'api.py': FASTAPI }) });
    expect(plan.app).toMatchObject({ framework: 'fastapi', run: ['python', '-m', 'uvicorn', 'api:app', '--host', '{host}', '--port', '{port}'], reason: 'Dockerfile:4' });
  });

  it('no command anywhere: the app object in the code', () => {
    const plan = buildRunPlan({ workspaceDir: repo({ 'README.md': '# Projet\n', 'service/routes.py': 'import flask\n\napp = Flask(__name__)\n' }) });
    expect(plan.app).toMatchObject({ framework: 'flask', run: ['python', '-m', 'flask', '--app', 'service.routes:app', 'run', '--host', '{host}', '--port', '{port}', '--no-reload'], reason: 'service/routes.py:3 (app = Flask())' });
  });

  it('a script that does not serve, tests and placeholders: no app', () => {
    const plan = buildRunPlan({ workspaceDir: repo({ 'README.md': 'Lancer : `python train.py`\n\n`uvicorn <module>:app`\n', 'train.py': 'print(1)\n', 'tests/test_api.py': FASTAPI }) });
    expect(plan.app).toBeUndefined();
  });
});
