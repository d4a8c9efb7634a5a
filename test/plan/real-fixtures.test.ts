import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../reports/report.js';
import { validateReport } from '../../reports/validate-report.js';
import { packagePath } from '../../runner/paths.js';
import type { RunPlan } from '../../runner/plan/run-plan.js';
import { fixture, runCli } from '../helpers/run-cli.js';

/** What a real-shaped fixture must get, from its expected.json. */
interface Expected {
  scenario: string;
  about: string;
  exitCode: number;
  plan: Array<{ run: string[]; cwd: string; reason: string; pythonPathRoot: boolean }>;
  /** `path (source)` of each item left out. */
  skipped: string[];
  requirementFiles: RunPlan['requirementFiles'];
  verdicts: Record<string, string>;
  evidence?: Record<string, Array<Record<string, unknown>>>;
}

/** The run-plan fixtures (issue 8 §1, §5); the other folders of test/fixtures/real belong to test/failure. */
const NAMES = ['etl-src-package', 'makefile-compose', 'notebooks-numbered', 'readme-lancer'];
const expectedOf = (name: string) => JSON.parse(readFileSync(fixture('real', name, 'expected.json'), 'utf8')) as Expected;
const planJson = (args: string[], env: Record<string, string> = {}) => {
  const run = runCli(['plan', ...args, '--json'], env);
  expect(run.exitCode, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as RunPlan;
};
const brief = (plan: RunPlan) => plan.steps.map(({ run, cwd, reason, pythonPathRoot }) => ({ run, cwd, reason, pythonPathRoot }));
const copyOf = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `mspr-${name}-`));
  cpSync(fixture('real', name), dir, { recursive: true });
  return dir;
};
const verdictsOf = (report: RunReport) => Object.fromEntries(report.verdicts.map((v) => [v.id, v.status]));

/** `check` with its progress on stderr (runCli passes --quiet), to see what the terminal shows. */
function checkWithProgress(args: string[]): { exitCode: number; stderr: string; report?: RunReport } {
  const out = mkdtempSync(join(tmpdir(), 'mspr-out-'));
  const result = spawnSync(process.execPath, [packagePath('dist/runner/cli.js'), 'check', ...args, '--sandbox', 'local', '--format', 'json', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1' },
    timeout: 300_000,
  });
  const runs = readdirSync(out);
  const file = runs.length === 1 ? join(out, runs[0]!, 'report.json') : undefined;
  return { exitCode: result.status ?? -1, stderr: result.stderr, report: file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunReport) : undefined };
}

describe('repositories shaped like real submissions, without mspr.yaml: the plan and exactly the expected verdicts (real CLI, real Python)', () => {
  it('has the four plan fixtures, none with an mspr.yaml', () => {
    for (const name of NAMES) expect(readdirSync(fixture('real', name)).filter((f) => f.startsWith('mspr.'))).toEqual([]);
  });

  for (const name of NAMES) {
    const expected = expectedOf(name);
    it(`${name}: plan --json — ${expected.about}`, () => {
      const plan = planJson([fixture('real', name), '-s', expected.scenario]);
      expect(plan.origin).toBe('discovered');
      expect(brief(plan)).toEqual(expected.plan);
      expect(plan.skipped.map((s) => `${s.path}${s.source ? ` (${s.source})` : ''}`)).toEqual(expected.skipped);
      expect(plan.requirementFiles).toEqual(expected.requirementFiles);
    });

    it(`${name}: check gives exactly the expected verdicts`, () => {
      const run = runCli(['check', fixture('real', name), '--scenario', expected.scenario, '--sandbox', 'local', '--format', 'json']);
      expect(run.report, run.stderr).toBeDefined();
      const report = run.report!;
      const details = report.verdicts.map((v) => `${v.id}: ${v.status} ${v.messageKey} — ${v.message.en}`).join('\n');
      expect(report.errors, details).toEqual([]);
      expect(verdictsOf(report), details).toEqual(expected.verdicts);
      expect(run.exitCode, details).toBe(expected.exitCode);
      expect(validateReport(report)).toEqual([]);
      expect(brief(report.plan!)).toEqual(expected.plan);
      expect(report.steps.map((s) => s.status)).toEqual(expected.plan.map(() => 'ok'));
      for (const [id, items] of Object.entries(expected.evidence ?? {})) {
        const verdict = report.verdicts.find((v) => v.id === id)!;
        for (const item of items) expect(verdict.evidence, `${id} evidence\n${JSON.stringify(verdict.evidence, null, 1)}`).toContainEqual(expect.objectContaining(item));
      }
    });
  }

  it('plan prints each step with its folder and reason, in French too, and never loads polars or a database driver', () => {
    const run = runCli(['plan', fixture('real', 'makefile-compose'), '--lang', 'fr'], { NODE_DEBUG: 'module' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Plan d’exécution (découvert dans le dépôt) — 2 étapes');
    expect(run.stdout).toContain('  2. python src/models/train.py   [depuis la racine]   ← Makefile:17 (target train) ← README.md:9');
    expect(run.stdout).toContain('     racine du dépôt ajoutée au PYTHONPATH (le code importe son propre paquet)');
    expect(run.stdout).toContain('  - docker compose build (README.md:8) : construction d’image Docker : le bac à sable fournit l’environnement');
    expect(run.stderr).not.toMatch(/nodejs-polars|node_modules\/(pg|mysql2|mongodb|better-sqlite3)\//);
    const notebooks = runCli(['plan', fixture('real', 'notebooks-numbered'), '--lang', 'en']);
    expect(notebooks.stdout).toContain('  1. notebook notebooks/01_exploration.ipynb   [from notebooks/]   ← notebooks/01_exploration.ipynb (notebook)');
  });

  it('init writes an mspr.yaml that reads back as a valid manifest giving the same plan; it never overwrites one without --force', () => {
    const repo = copyOf('readme-lancer');
    const discovered = planJson([repo]);
    const init = runCli(['init', repo, '--lang', 'en']);
    expect(init.exitCode, init.stderr).toBe(0);
    const yaml = readFileSync(join(repo, 'mspr.yaml'), 'utf8');
    expect(yaml).toContain('  - etl/main.py  # README.md:15');
    expect(yaml).toContain('#   flask --app api/app.py run (README.md:17): server (API or app)');
    const again = planJson([repo]);
    expect(again.origin).toBe('manifest');
    expect(again.steps.map(({ id, kind, run, cwd, entry, pythonPathRoot }) => ({ id, kind, run, cwd, entry, pythonPathRoot }))).toEqual(
      discovered.steps.map(({ id, kind, run, cwd, entry, pythonPathRoot }) => ({ id, kind, run, cwd, entry, pythonPathRoot })),
    );
    expect(again.steps.map((s) => s.reason)).toEqual(['mspr.yaml:4', 'mspr.yaml:5']);

    writeFileSync(join(repo, 'mspr.yaml'), 'run:\n  - train.py\ndatasetsDir: data\n');
    const refused = runCli(['init', repo, '--lang', 'en']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('MSPR_USAGE: mspr.yaml already exists in');
    expect(readFileSync(join(repo, 'mspr.yaml'), 'utf8')).toBe('run:\n  - train.py\ndatasetsDir: data\n');
    expect(runCli(['init', repo, '--force']).exitCode).toBe(0);
    const forced = readFileSync(join(repo, 'mspr.yaml'), 'utf8');
    expect(forced).toContain('  - etl/main.py  # README.md:15');
    expect(forced).toContain('\ndatasetsDir: data\n');
  });

  it('an invalid mspr.yaml is shown in the terminal with its error and line, and the discovered plan is used', () => {
    const repo = copyOf('readme-lancer');
    writeFileSync(join(repo, 'mspr.yaml'), 'run:\n  - etl/main.py\n  - { script: train.py }\n');
    const run = checkWithProgress([repo, '-s', 'cdp-data-ia-bloc3-classification', '--lang', 'en']);
    expect(run.stderr).toContain('! mspr.yaml ignored: mspr.yaml does not follow the expected format. mspr.yaml:3: run[1]: must be a script or notebook path');
    expect(run.stderr).toContain('Run plan (discovered in the repository) — 2 steps');
    expect(run.stderr).toContain('  1. python etl/main.py   [from the root]   ← README.md:15');
    expect(run.report!.plan!.origin).toBe('discovered');
    expect(run.report!.assumptions.map((a) => a.en)).toContainEqual(expect.stringContaining('mspr.yaml:3: run[1]'));
    expect(verdictsOf(run.report!)).toEqual(expectedOf('readme-lancer').verdicts);
  });

  it('--manifest gives a team’s plan from outside its repository: the repository’s own mspr.yaml is ignored and the report says so', () => {
    const repo = copyOf('readme-lancer');
    // The repository's own manifest would start the API, which never ends: it must not be used.
    writeFileSync(join(repo, 'mspr.yaml'), 'run:\n  - api/app.py\n');
    const plans = mkdtempSync(join(tmpdir(), 'mspr-plans-'));
    writeFileSync(join(plans, 'equipe-3.yaml'), 'run:\n  - { run: [python, main.py], cwd: etl }\n  - train.py\n');
    const plan = planJson([repo, '--manifest', join(plans, 'equipe-3.yaml')]);
    expect(plan.origin).toBe('external-manifest');
    expect(brief(plan)).toEqual([
      { run: ['python', 'main.py'], cwd: 'etl', reason: `${join(plans, 'equipe-3.yaml')}:2`, pythonPathRoot: true },
      { run: ['python', 'train.py'], cwd: '.', reason: `${join(plans, 'equipe-3.yaml')}:3`, pythonPathRoot: false },
    ]);

    // From etl/, `data/clients.csv` does not exist: the team's script fails, train.py then finds no input.
    const run = runCli(['check', repo, '-s', 'cdp-data-ia-bloc3-classification', '--sandbox', 'local', '--format', 'json', '--manifest', join(plans, 'equipe-3.yaml')]);
    const report = run.report!;
    expect(report.assumptions.map((a) => a.en)).toContain(`The repository’s mspr.yaml is ignored: the plan is given by ${join(plans, 'equipe-3.yaml')}.`);
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([['pipeline:etl/main.py', 'failed'], ['pipeline:train.py', 'failed']]);
    expect(report.steps[0]!.stderrTail).toContain("FileNotFoundError: [Errno 2] No such file or directory: 'data/clients.csv'");
    expect(verdictsOf(report)['steps/succeeded']).toBe('fail');
    expect(run.exitCode).toBe(1);

    writeFileSync(join(plans, 'bon.yaml'), 'run:\n  - etl/main.py\n  - train.py\n');
    const good = runCli(['check', repo, '-s', 'cdp-data-ia-bloc3-classification', '--sandbox', 'local', '--format', 'json', '--manifest', join(plans, 'bon.yaml')]);
    expect(verdictsOf(good.report!)).toEqual(expectedOf('readme-lancer').verdicts);
    expect(good.exitCode).toBe(0);

    const missing = runCli(['check', repo, '-s', 'cdp-data-ia-bloc3-classification', '--sandbox', 'local', '--manifest', join(plans, 'absent.yaml')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.report!.errors[0]!.message.en).toContain('Cannot read');
  });
});
