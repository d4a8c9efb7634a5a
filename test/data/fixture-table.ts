import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { ServiceKind } from '../../scenarios/scenario.js';
import { describeEachDatabase, localServicesEnv } from '../helpers/database-servers.js';
import { fixture, runCli } from '../helpers/run-cli.js';

/** What one run of a fixture must give: every verdict's status, some message keys and evidence items. */
interface ExpectedRun {
  scenario: string;
  databases: ServiceKind[];
  exitCode: number;
  verdicts: Record<string, string>;
  messages?: Record<string, string>;
  /** Text each check's English message must contain (counts, columns, file:line). */
  includes?: Record<string, string[]>;
  evidence?: Record<string, Array<Record<string, unknown>>>;
  /** What differs on one database (PostgreSQL refuses what MariaDB truncates…). */
  byDatabase?: Partial<Record<ServiceKind, Override>>;
}

type Override = Partial<Pick<ExpectedRun, 'exitCode' | 'verdicts' | 'messages' | 'includes' | 'evidence'>>;

interface Expected {
  about: string;
  runs: ExpectedRun[];
}

export const DATA_FIXTURES = readdirSync(fixture('data'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/**
 * Runs every data fixture through the real CLI on one database kind (local servers, a fresh database per
 * run) and compares the report with the fixture's expected.json: exact statuses, exit code, message keys
 * and key evidence (column, counts, file:line).
 */
export function fixtureTable(kind: ServiceKind): void {
  describeEachDatabase([kind], 'data fixtures: exactly the expected verdicts (real CLI, real Python, real database)', () => {
    for (const name of DATA_FIXTURES) {
      const expected = JSON.parse(readFileSync(fixture('data', name, 'expected.json'), 'utf8')) as Expected;
      for (const run of expected.runs.filter((r) => r.databases.includes(kind))) {
        const wanted = merge(run, run.byDatabase?.[kind]);
        it(`${name} · ${run.scenario}: ${expected.about}`, () => {
          const args = ['check', fixture('data', name), '--scenario', run.scenario, '--sandbox', 'local', '--services', 'local', '--format', 'json'];
          const result = runCli(kind === 'sqlite' ? args : [...args, '--database', kind], localServicesEnv() as Record<string, string>);
          expect(result.report, result.stderr).toBeDefined();
          const report = result.report!;
          const details = report.verdicts.map((v) => `${v.id}: ${v.status} ${v.messageKey} — ${v.message.en}`).join('\n');
          expect(report.errors, details).toEqual([]);
          expect(Object.fromEntries(report.verdicts.map((v) => [v.id, v.status])), details).toEqual(wanted.verdicts);
          expect(result.exitCode, details).toBe(wanted.exitCode);
          expect(report.trace.problems, 'trace problems').toEqual([]);
          for (const [id, key] of Object.entries(wanted.messages ?? {})) expect(report.verdicts.find((v) => v.id === id)?.messageKey, `${id} message`).toBe(key);
          for (const [id, texts] of Object.entries(wanted.includes ?? {})) for (const text of texts) expect(report.verdicts.find((v) => v.id === id)?.message.en, `${id} message`).toContain(text);
          for (const [id, items] of Object.entries(wanted.evidence ?? {})) {
            const verdict = report.verdicts.find((v) => v.id === id)!;
            for (const item of items) expect(verdict.evidence, `${id} evidence\n${JSON.stringify(verdict.evidence, null, 1)}`).toContainEqual(expect.objectContaining(item));
          }
        });
      }
    }
  });
}

function merge(run: ExpectedRun, override: Override | undefined): Required<Override> {
  return {
    exitCode: override?.exitCode ?? run.exitCode,
    verdicts: { ...run.verdicts, ...(override?.verdicts ?? {}) },
    messages: { ...(run.messages ?? {}), ...(override?.messages ?? {}) },
    includes: { ...(run.includes ?? {}), ...(override?.includes ?? {}) },
    evidence: { ...(run.evidence ?? {}), ...(override?.evidence ?? {}) },
  };
}
