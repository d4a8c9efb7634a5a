import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';

/** A bloc-3 fixture whose data the team did not commit (git-ignored): mspr.yaml no longer asks for the datasets. */
function withoutData(name: string): string {
  const root = join(mkdtempSync(join(tmpdir(), 'mspr-static-nodata-')), name);
  cpSync(fixture('ml', name), root, { recursive: true });
  const manifest = join(root, 'mspr.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^datasetsDir:.*$/m, ''));
  return root;
}

const READ = {
  'steps/succeeded': 'fail',
  'ml/observations-gt-variables': 'error',
  'ml/target-homogeneous': 'error',
  'ml/train-test-split': 'pass',
  'ml/train-ratio': 'pass',
  'ml/algorithms-fitted': 'pass',
  'ml/models-applied-to-test': 'pass',
  'ml/metrics-on-test': 'pass',
  'ml/metrics-reported': 'skip',
  'ml/grid-search': 'pass',
  'ml/best-params-reused': 'pass',
  'ml/cross-validation': 'pass',
  'ml/overfitting-watched': 'pass',
};

const CASES: Array<{ name: string; scenario: string; verdicts: Record<string, string>; messages: Record<string, string> }> = [
  { name: 'reg-split-70-30', scenario: 'cdp-data-ia-bloc3-regression', verdicts: READ, messages: { 'ml/train-ratio': 'staticShare', 'ml/best-params-reused': 'staticReuse', 'ml/overfitting-watched': 'curves' } },
  { name: 'reg-split-60-40', scenario: 'cdp-data-ia-bloc3-regression', verdicts: { ...READ, 'ml/train-ratio': 'fail' }, messages: { 'ml/train-ratio': 'staticTooSmall' } },
  { name: 'reg-split-by-year', scenario: 'cdp-data-ia-bloc3-regression', verdicts: { ...READ, 'ml/train-ratio': 'error' }, messages: { 'ml/train-test-split': 'staticByColumn', 'ml/train-ratio': 'staticNoSplit' } },
  { name: 'clf-notebook-complete', scenario: 'cdp-data-ia-bloc3-classification', verdicts: READ, messages: { 'ml/train-ratio': 'staticShare', 'ml/overfitting-watched': 'staticPairs' } },
];

describe('bloc-3 fixtures without their data: the code is read, every ML verdict says so (real CLI, real Python)', () => {
  for (const row of CASES) {
    it(`${row.name}: ${Object.entries(row.messages).map(([id, key]) => `${id} ${key}`).join(', ')}`, () => {
      const run = runCli(['check', withoutData(row.name), '--scenario', row.scenario, '--sandbox', 'local', '--format', 'json']);
      const report = run.report!;
      expect(report, run.stderr).toBeDefined();
      const details = report.verdicts.map((v) => `${v.id}: ${v.status} ${v.messageKey} — ${v.message.en}`).join('\n');
      expect(Object.fromEntries(report.verdicts.map((v) => [v.id, v.status])), details).toEqual(row.verdicts);
      expect(run.exitCode, details).toBe(1);
      for (const [id, key] of Object.entries(row.messages)) expect(report.verdicts.find((v) => v.id === id)?.messageKey, id).toBe(key);
      const ml = report.verdicts.filter((v) => v.id.startsWith('ml/') && v.status !== 'skip');
      for (const verdict of ml) {
        expect(verdict.static, verdict.id).toBe(true);
        expect(verdict.message.en, verdict.id).toMatch(/^(Read in the code, not observed when run|Could not be judged from the code read \(not run\)): /);
        expect(verdict.message.fr, verdict.id).toMatch(/^(Lu dans le code, non observé à l’exécution|Non évaluable d’après le code lu \(non exécuté\)) : /);
        expect(verdict.evidence.some((e) => e.kind === 'trace'), verdict.id).toBe(false);
        expect(verdict.evidence.some((e) => e.kind === 'static'), verdict.id).toBe(true);
      }
      expect(report.summary.static.sort()).toEqual(ml.map((v) => v.id).sort());
      expect(report.trace.static).toMatchObject({ problems: [] });
      expect(report.trace.static!.facts).toBeGreaterThan(10);
      expect(report.verdicts.find((v) => v.id === 'steps/succeeded')?.static).toBeUndefined();
    });
  }
});
