import { describe, expect, it } from 'vitest';
import { expectReport, fixturesIn, runOn, scenarioArgument } from '../helpers/fixture-expectations.js';
import { runCli } from '../helpers/run-cli.js';

const fixtures = fixturesIn('ml');

describe('ML fixtures: mspr-lab check gives exactly the expected verdicts (real CLI, real Python)', () => {
  it('has at least ten fixtures, scripts and notebooks', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  for (const fx of fixtures) {
    for (const run of fx.runs) {
      it(`${fx.name} · ${run.scenario}: ${fx.about}`, () => {
        const result = runCli(['check', fx.dir, '--scenario', scenarioArgument(fx, run), '--sandbox', 'local', '--format', 'json']);
        expect(result.report, result.stderr).toBeDefined();
        expectReport(result.report!, result.exitCode, runOn(run, undefined));
      });
    }
  }
});
