import { expect, it } from 'vitest';
import type { ServiceKind } from '../../scenarios/scenario.js';
import { describeEachDatabase, localServicesEnv } from '../helpers/database-servers.js';
import { expectReport, fixturesIn, runOn, scenarioArgument } from '../helpers/fixture-expectations.js';
import { runCli } from '../helpers/run-cli.js';

/** The data fixtures (test/fixtures/data/), each with the runs its expected.json names. */
export const DATA_FIXTURES = fixturesIn('data');

/**
 * Runs every data fixture through the real CLI on one database kind (local servers, a fresh database per
 * run) with the scenario its expected.json names, and compares the report with that file: exact statuses,
 * exit code, message keys and key evidence (column, counts, file:line).
 */
export function fixtureTable(kind: ServiceKind): void {
  describeEachDatabase([kind], 'data fixtures: exactly the expected verdicts (real CLI, real Python, real database)', () => {
    for (const fx of DATA_FIXTURES) {
      for (const run of fx.runs.filter((r) => r.databases?.includes(kind))) {
        it(`${fx.name} · ${run.scenario}: ${fx.about}`, () => {
          const args = ['check', fx.dir, '--scenario', scenarioArgument(fx, run), '--sandbox', 'local', '--services', 'local', '--format', 'json'];
          const result = runCli(kind === 'sqlite' ? args : [...args, '--database', kind], localServicesEnv() as Record<string, string>);
          expect(result.report, result.stderr).toBeDefined();
          const details = result.report!.verdicts.map((v) => `${v.id}: ${v.status} ${v.messageKey} — ${v.message.en}`).join('\n');
          expect(result.report!.errors, details).toEqual([]);
          expectReport(result.report!, result.exitCode, runOn(run, kind));
        });
      }
    }
  });
}
