import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';
import { buildWheel, DEMO_PACKAGE } from '../helpers/test-wheels.js';

/** What a fixture must get, from its expected.json. */
interface Expected {
  scenario: string;
  exitCode: number;
  about: string;
  /** Graded with the test's wheel folder (which holds mspr-demo-pkg). */
  wheelhouse: boolean;
  verdicts: Record<string, string>;
  /** How the failed steps are classified (runner/failure), by step id. */
  steps?: Record<string, Record<string, unknown>>;
  environment: {
    status: string;
    requirements: Record<string, string>;
    unmet?: Record<string, Record<string, unknown>>;
  };
}

/** The environment fixtures of test/fixtures/real (the others are the failure classification's). */
const names = ['attrition-paquet-introuvable', 'prix-logements-paquet-ecole'];

let wheelhouse: string;
/** One cache for the suite, away from the machine's: the second run of a fixture must come from it. */
const cacheDir = mkdtempSync(join(tmpdir(), 'mspr-real-cache-'));
const env = { MSPR_CACHE_DIR: cacheDir, MSPR_PIP_INDEX_URL: '', MSPR_WHEELHOUSE: '' };

beforeAll(() => {
  wheelhouse = mkdtempSync(join(tmpdir(), 'mspr-real-wheels-'));
  buildWheel(wheelhouse, DEMO_PACKAGE);
});

describe('real-shaped fixtures: the team’s environment through the real CLI (local sandbox, real pip)', () => {
  for (const name of names) {
    const expected = JSON.parse(readFileSync(fixture('real', name, 'expected.json'), 'utf8')) as Expected;
    it(`${name}: ${expected.about}`, () => {
      const args = ['check', fixture('real', name), '--scenario', expected.scenario, '--sandbox', 'local', '--format', 'json,md'];
      if (expected.wheelhouse) args.push('--wheelhouse', wheelhouse);
      const run = runCli(args, env);
      expect(run.report, run.stderr).toBeDefined();
      const report = run.report!;
      const details = report.verdicts.map((v) => `${v.id}: ${v.status} ${v.messageKey} — ${v.message.en}`).join('\n');
      expect(Object.fromEntries(report.verdicts.map((v) => [v.id, v.status])), details).toEqual(expected.verdicts);
      expect(run.exitCode, details).toBe(expected.exitCode);
      for (const [id, failure] of Object.entries(expected.steps ?? {})) expect(report.steps.find((s) => s.id === id)?.failure, id).toMatchObject(failure);
      const environment = report.environment!;
      expect(environment.status).toBe(expected.environment.status);
      expect(Object.fromEntries(environment.requirements.map((r) => [r.name, r.status]))).toEqual(expected.environment.requirements);
      for (const [pkg, fields] of Object.entries(expected.environment.unmet ?? {})) {
        expect(environment.requirements.find((r) => r.name === pkg), pkg).toMatchObject(fields);
      }
      // The terminal summary and the Markdown report say what was not installed, and what the image has instead.
      for (const [pkg, fields] of Object.entries(expected.environment.unmet ?? {})) {
        expect(run.stdout).toContain(`${pkg}`);
        if (fields.imageVersion) expect(run.stdout).toContain(`the image has ${String(fields.imageVersion)}, used instead`);
      }
      const markdown = readFileSync(join(run.runDir!, 'report.md'), 'utf8');
      expect(markdown).toContain('## Python environment');

      // The same repository again: its environment comes from the cache, no pip at all.
      const again = runCli(args, env);
      expect(again.report!.environment).toMatchObject({ cached: true, pipCalls: 0, cacheKey: environment.cacheKey });
      expect(Object.fromEntries(again.report!.verdicts.map((v) => [v.id, v.status]))).toEqual(expected.verdicts);
    });
  }

  it('without the wheel folder, the package only it has is reported unmet, and the import that fails is the environment’s', () => {
    const run = runCli(['check', fixture('real', 'prix-logements-paquet-ecole'), '--scenario', 'cdp-data-ia-bloc3-regression', '--sandbox', 'local', '--format', 'json'], env);
    const demo = run.report!.environment!.requirements.find((r) => r.name === 'mspr-demo-pkg');
    expect(demo).toMatchObject({ status: 'unmet', reason: 'not-available', imageVersion: null });
    expect(run.report!.environment!.advice?.en).toContain('--wheelhouse');
    expect(run.report!.steps[0]!.stderrTail).toContain("No module named 'mspr_demo_pkg'");
    expect(run.report!.steps[0]!.failure).toMatchObject({ owner: 'environment', cause: 'missing-package', package: 'mspr-demo-pkg', declaredIn: 'requirements.txt' });
    expect(run.report!.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
    expect(run.stdout).toContain('The code needs "mspr-demo-pkg", declared in requirements.txt, not installable here.');
    expect(run.exitCode).toBe(2);
  });

  it('a wheel folder that does not exist is the grader’s mistake: exit 2, nothing graded', () => {
    const run = runCli(['check', fixture('real', 'prix-logements-paquet-ecole'), '--scenario', 'cdp-data-ia-bloc3-regression', '--sandbox', 'local', '--wheelhouse', '/nonexistent/wheels'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Wheel folder not found: /nonexistent/wheels');
  });
});
