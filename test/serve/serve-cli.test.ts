import { describe, expect, it } from 'vitest';
import { type ExpectedRun, fixturesIn, scenarioArgument } from '../helpers/fixture-expectations.js';
import { runCliAsync } from '../docker/run-cli-async.js';

/**
 * The served-app fixtures through the real CLI, local sandbox: the pipeline trains the model, the serve stage
 * starts the team's app with Debian's Python (fastapi, flask, uvicorn), exercises it, and the http checks judge.
 * Runs start together (each waits mostly on Python start-up); every verdict is asserted exactly.
 */
const fixtures = fixturesIn('serve');
const PYTHON = process.env.MSPR_PYTHON ?? '/usr/bin/python3';
const runs = new Map(fixtures.map((fx) => [fx.name, runCliAsync(['check', fx.dir, '--scenario', scenarioArgument(fx, fx.runs[0]!), '--sandbox', 'local', '--python', PYTHON], { MSPR_WORK_DIR: '/tmp/mspr-serve-tests' })]));

describe('served apps (local sandbox)', () => {
  for (const fx of fixtures) {
    const expected: ExpectedRun = fx.runs[0]!;
    it(`${fx.name}: ${fx.about}`, async () => {
      const run = await runs.get(fx.name)!;
      const report = run.report;
      expect(report, run.stderr).toBeDefined();
      const verdicts = Object.fromEntries(report!.verdicts.map((v) => [v.id, v.status]));
      expect(verdicts, JSON.stringify(report!.verdicts.map((v) => [v.id, v.message.en]), null, 1)).toEqual(expected.verdicts);
      for (const [id, key] of Object.entries(expected.messages ?? {})) expect(report!.verdicts.find((v) => v.id === id)?.messageKey, id).toBe(key);
      for (const [id, texts] of Object.entries(expected.includes ?? {})) {
        const message = report!.verdicts.find((v) => v.id === id)!.message.en;
        for (const text of texts) expect(message).toContain(text);
      }
      // Evidence items match on the fields given; their `data` too (it holds the app's URL, whose port varies).
      for (const [id, items] of Object.entries(expected.evidence ?? {})) {
        const verdict = report!.verdicts.find((v) => v.id === id)!;
        for (const { data, ...item } of items) {
          const wanted = data ? { ...item, data: expect.objectContaining(data as Record<string, unknown>) } : item;
          expect(verdict.evidence, JSON.stringify(verdict.evidence, null, 1)).toContainEqual(expect.objectContaining(wanted));
        }
      }
      expect(run.exitCode).toBe(expected.exitCode);
      // The plan shows the app with where it was read.
      expect(report!.plan?.app?.reason).toMatch(/^(README\.md|src\/api\/main\.py):\d+/);
    }, 600_000);
  }
});
