import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.js';
import { fixture, runCli } from '../helpers/run-cli.js';

/**
 * New library scenarios graded end to end on existing fixture repositories (real CLI, real Python, local
 * sandbox): the verdicts, the criteria each carries (the scenario's own refs, not cdp-data-ia's), and the
 * competencies the jury reads.
 */
describe('library scenarios on fixture repositories', () => {
  it('dev-ia-ds-bloc2-model passes a complete classification notebook, with dev-ia-ds refs on each verdict', () => {
    const run = runCli(['check', fixture('ml', 'clf-notebook-complete'), '--scenario', 'dev-ia-ds-bloc2-model', '--sandbox', 'local', '--format', 'json', '--lang', 'en']);
    expect(run.report, run.stderr).toBeDefined();
    expect(run.exitCode).toBe(0);
    const verdicts = Object.fromEntries(run.report!.verdicts.map((v) => [v.id, [v.status, v.criteria.join(', ')]]));
    expect(verdicts).toEqual({
      'repo/files-present': ['pass', 'dev-ia-ds:A1.2 C2'],
      'steps/succeeded': ['pass', 'dev-ia-ds:A1.2 C2'],
      'ml/observations-gt-variables': ['pass', 'dev-ia-ds:A1.2 C1'],
      'ml/target-homogeneous': ['pass', 'dev-ia-ds:A1.2 C1'],
      'ml/models-applied-to-test': ['pass', 'dev-ia-ds:A1.2 C3'],
      // The notebook fits its models on the whole train set at once: batch training.
      'ml/training-procedure': ['pass', 'dev-ia-ds:A1.2 C4'],
      'ml/train-test-split': ['pass', 'dev-ia-ds:A1.2 C5'],
      'ml/metrics-on-test': ['pass', 'dev-ia-ds:A1.2 C5'],
      // The notebook writes no metrics file: nothing to compare, so not judged.
      'ml/metrics-reported': ['skip', 'dev-ia-ds:A1.2 C5'],
      'ml/cross-validation': ['pass', 'dev-ia-ds:A1.2 C5'],
      'ml/grid-search': ['pass', 'dev-ia-ds:A1.2 C6'],
      'ml/overfitting-watched': ['pass', 'dev-ia-ds:A1.2 C6'],
    });
    const competencies = Object.fromEntries(run.report!.competencies.items.map((c) => [c.code, c.status]));
    // A1.2 C4: ml/training-procedure passes, and its manual item (the procedure suits the need) leaves it to the jury.
    expect(competencies).toEqual({ 'A1.2 C1': 'a-verifier', 'A1.2 C2': 'acquis', 'A1.2 C3': 'acquis', 'A1.2 C4': 'a-verifier', 'A1.2 C5': 'a-verifier', 'A1.2 C6': 'a-verifier' });
    expect(run.report!.manual.map((item) => item.criteria.join(', '))).toEqual(['dev-ia-ds:A1.2 C1', 'dev-ia-ds:A1.2 C4', 'dev-ia-ds:A1.2 C6']);
  });

  it('cdp-ia-aivancity-bloc3-ml fails a search whose best parameters are never reused (C6.3), the rest passing', () => {
    const run = runCli(['check', fixture('ml', 'reg-grid-not-reused'), '--scenario', 'cdp-ia-aivancity-bloc3-ml', '--sandbox', 'local', '--format', 'json', '--lang', 'en']);
    expect(run.report, run.stderr).toBeDefined();
    expect(run.exitCode).toBe(1);
    expect(Object.fromEntries(run.report!.verdicts.map((v) => [v.id, [v.status, v.criteria.join(', ')]]))).toEqual({
      'steps/succeeded': ['pass', 'cdp-ia-aivancity:C5.3'],
      'ml/models-applied-to-test': ['pass', 'cdp-ia-aivancity:C5.3'],
      'ml/train-test-split': ['pass', 'cdp-ia-aivancity:C4.3'],
      'ml/metrics-on-test': ['pass', 'cdp-ia-aivancity:C4.3'],
      'ml/overfitting-watched': ['pass', 'cdp-ia-aivancity:C4.3'],
      'ml/grid-search': ['pass', 'cdp-ia-aivancity:C6.3'],
      'ml/best-params-reused': ['fail', 'cdp-ia-aivancity:C6.3'],
      'ml/cross-validation': ['pass', 'cdp-ia-aivancity:C7.3'],
    });
    const failed = run.report!.verdicts.find((v) => v.id === 'ml/best-params-reused')!;
    expect(failed.message.en).toContain('GridSearchCV (main.py:14) finds {"alpha":0.1,"fit_intercept":true}, but no model is then fitted with these parameters');
    const competencies = Object.fromEntries(run.report!.competencies.items.map((c) => [c.code, c.status]));
    expect(competencies['C6.3']).toBe('non-acquis');
    expect(competencies['C7.3']).toBe('acquis');
  });

  // The library scenarios that serve the team's app (a `serve` step), on the serve fixtures (test/fixtures/serve).
  it.skipIf(!browserAvailable())('dev-ia-ds-bloc3-production serves the Flask app: it answers, is accessible and logs its predictions; no test plan of the team fails A1.3 C3', () => {
    const run = runCli(['check', fixture('serve', 'form-flask'), '--scenario', 'dev-ia-ds-bloc3-production', '--sandbox', 'local', '--format', 'json', '--lang', 'en']);
    expect(run.report, run.stderr).toBeDefined();
    expect(run.exitCode).toBe(1);
    expect(Object.fromEntries(run.report!.verdicts.map((v) => [v.id, [v.status, v.messageKey, v.criteria.join(', ')]]))).toEqual({
      'repo/files-present': ['pass', 'pass', 'dev-ia-ds:A1.3 C1'],
      'steps/succeeded': ['pass', 'pass', 'dev-ia-ds:A1.3 C1'],
      'repo/no-secrets': ['pass', 'pass', 'dev-ia-ds:A1.1 C2'],
      'http/app-answers': ['pass', 'pass', 'dev-ia-ds:A1.3 C1, dev-ia-ds:A1.3 C2'],
      'http/accessible': ['pass', 'pass', 'dev-ia-ds:A1.3 C2'],
      'tests/candidate-tests': ['fail', 'none', 'dev-ia-ds:A1.3 C3'],
      'http/monitoring': ['pass', 'logged', 'dev-ia-ds:A1.3 C4'],
    });
    expect(run.report!.verdicts.find((v) => v.id === 'http/app-answers')!.message.en).toContain('/, /a-propos');
    // What the checks do not judge stays on the jury's grid, one item per competency.
    expect(run.report!.manual.map((item) => item.criteria.join(', '))).toEqual(['dev-ia-ds:A1.3 C1', 'dev-ia-ds:A1.3 C2', 'dev-ia-ds:A1.3 C3', 'dev-ia-ds:A1.3 C4', 'dev-ia-ds:A1.3 C5', 'dev-ia-ds:A1.3 C6']);
  }, 300_000);

  it('cdp-ia-aivancity-bloc5-interface fails an API with no health route and no log of its predictions (C3.5); its dashboard check informs only', () => {
    const run = runCli(['check', fixture('serve', 'api-sans-supervision'), '--scenario', 'cdp-ia-aivancity-bloc5-interface', '--sandbox', 'local', '--format', 'json', '--lang', 'en']);
    expect(run.report, run.stderr).toBeDefined();
    expect(run.exitCode).toBe(1);
    expect(Object.fromEntries(run.report!.verdicts.map((v) => [v.id, [v.status, v.messageKey, v.criteria.join(', ')]]))).toEqual({
      'repo/files-present': ['pass', 'pass', 'cdp-ia-aivancity:C1.4'],
      'steps/succeeded': ['pass', 'pass', 'cdp-ia-aivancity:C1.4'],
      'http/app-answers': ['pass', 'pass', 'cdp-ia-aivancity:C1.5'],
      // The team's charts, if any, are not in an executed notebook: not required, it does not decide the exit code.
      'analysis/dashboard': ['fail', 'none', 'cdp-ia-aivancity:C2.5'],
      'http/monitoring': ['fail', 'none', 'cdp-ia-aivancity:C3.5'],
    });
  }, 300_000);

  it('cdp-ia-aivancity-bloc4-dev reads the health route of the served API (C4.4); a folder without .git cannot show the team history (C5.4)', () => {
    const run = runCli(['check', fixture('serve', 'api-fastapi'), '--scenario', 'cdp-ia-aivancity-bloc4-dev', '--sandbox', 'local', '--format', 'json', '--lang', 'en']);
    expect(run.report, run.stderr).toBeDefined();
    // git/team-history is not required: its error informs the jury without failing the run.
    expect(run.exitCode).toBe(0);
    expect(Object.fromEntries(run.report!.verdicts.map((v) => [v.id, [v.status, v.messageKey]]))).toEqual({
      'repo/files-present': ['pass', 'pass'],
      'steps/succeeded': ['pass', 'pass'],
      'http/monitoring': ['pass', 'health'],
      'git/team-history': ['error', 'noHistory'],
    });
  }, 300_000);
});
