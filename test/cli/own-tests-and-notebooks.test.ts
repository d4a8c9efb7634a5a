import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';

const dir = fixture('owntests', 'churn-sgd-tests');
const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as { exitCode: number; verdicts: Record<string, string>; scenario: string };

describe('the team’s tests, notebooks cell by cell and the training procedure, through the real CLI', () => {
  it('gives exactly the expected verdicts, names the failing cell and test, and reports the notebook record', () => {
    const run = runCli(['check', dir, '--scenario', `${dir}/${expected.scenario}`, '--sandbox', 'local'], {}, { progress: true });
    expect(run.exitCode, run.stderr).toBe(expected.exitCode);
    const verdicts = Object.fromEntries(run.report!.verdicts.map((v) => [v.checkId, v.status]));
    expect(verdicts).toEqual(expected.verdicts);
    const byId = Object.fromEntries(run.report!.verdicts.map((v) => [v.checkId, v]));
    expect(byId['steps/succeeded']!.message.en).toContain("pipeline:notebooks/02_clients.ipynb (failed, cell 5/6: `contrats = pd.read_csv('../data/contrats.csv', sep=';')` → FileNotFoundError)");
    expect(byId['steps/succeeded']!.message.fr).toContain("(échec, cellule 5/6 : `contrats = pd.read_csv('../data/contrats.csv', sep=';')` → FileNotFoundError)");
    expect(byId['steps/notebook-runs']!.message.en).toBe('1 notebook ran top to bottom without error: notebooks/01_exploration.ipynb (3 cells).');
    expect(byId['tests/candidate-tests']!.message.en).toContain('1 of 2 tests failed: tests.test_pipeline.test_garde_toutes_les_lignes.');
    expect(byId['tests/candidate-tests']!.evidence[0]).toMatchObject({ subject: 'tests', actual: '1/2 passed', data: { tests: 2, failures: 1, errors: 0, skipped: 0, failing: [{ name: 'tests.test_pipeline.test_garde_toutes_les_lignes', kind: 'failure', message: expect.stringContaining('assert 2 == 3') }] } });
    expect(byId['ml/training-procedure']!.message.en).toBe('Training procedure identified: SGDClassifier: mini-batch (partial_fit ×6, src/entrainement.py:15).');
    // The StepRecord of each notebook says what it did; the tests are a phase of their own, not a step.
    const steps = run.report!.steps;
    expect(steps.map((s) => s.id)).toEqual(['pipeline:src/entrainement.py', 'pipeline:notebooks/01_exploration.ipynb', 'pipeline:notebooks/02_clients.ipynb']);
    expect(steps[1]!.notebook).toEqual({ cells: 3, executed: 3, completed: true });
    expect(steps[2]!.notebook).toEqual({ cells: 6, executed: 4, completed: false, failed: { cell: 5, line: "contrats = pd.read_csv('../data/contrats.csv', sep=';')", name: 'FileNotFoundError', message: "[Errno 2] No such file or directory: '../data/contrats.csv'" } });
    // Progress: notebook cells n/m on the terminal, and the tests' phase.
    expect(run.stderr).toContain('cell 5/6: contrats = pd.read_csv');
    expect(run.stderr).toContain('The team’s tests: tests (1/1)');
  });
});
