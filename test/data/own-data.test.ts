import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { validateReport } from '../../reports/validate-report.js';
import type { ServiceKind } from '../../scenarios/scenario.js';
import { describeEachDatabase, localServicesEnv } from '../helpers/database-servers.js';
import { fixture, runCli } from '../helpers/run-cli.js';

/** What a run of a fixture on the team's own data must give (expected.json beside the fixture). */
interface ExpectedRun {
  scenario: string;
  databases: ServiceKind[];
  exitCode: number;
  verdicts: Record<string, string>;
  messages?: Record<string, string>;
  includes?: Record<string, string[]>;
  notIncludes?: Record<string, string[]>;
  assumptions?: string[];
  evidence?: Record<string, Array<Record<string, unknown>>>;
  /** Evidence `data` fields, by check and evidence subject. */
  evidenceData?: Record<string, Record<string, Record<string, unknown>>>;
}

/**
 * Issue 10, "done when": the data checks grade a team's own ETL with the bundled scenario that names no dataset
 * and no mapping (cdp-data-ia-bloc1-own-data). Real CLI, real Python, real SQLite and PostgreSQL (local servers).
 */
const FIXTURES = ['covid-etl-departements', 'covid-etl-sans-imputation'];

describeEachDatabase(['sqlite', 'postgres'], 'own data: links inferred from the trace, sources read as the code read them', (kind) => {
  for (const name of FIXTURES) {
    const expected = JSON.parse(readFileSync(fixture('real', name, 'expected.json'), 'utf8')) as { about: string; runs: ExpectedRun[] };
    for (const run of expected.runs.filter((r) => r.databases.includes(kind))) {
      it(`${name}: ${expected.about.slice(0, 100)}…`, () => {
        // The scenario its expected.json names (cdp-data-ia-bloc1-own-data): the one place a fixture's scenario is decided.
        const args = ['check', fixture('real', name), '--scenario', run.scenario, '--sandbox', 'local', '--format', 'json'];
        const result = runCli(kind === 'sqlite' ? args : [...args, '--database', kind, '--services', 'local'], localServicesEnv() as Record<string, string>);
        expect(result.report, result.stderr).toBeDefined();
        const report = result.report!;
        const details = report.verdicts.map((v) => `${v.id}: ${v.status} ${v.messageKey} — ${v.message.en}`).join('\n');
        expect(validateReport(report)).toEqual([]);
        expect(report.errors, details).toEqual([]);
        expect(Object.fromEntries(report.verdicts.map((v) => [v.id, v.status])), details).toEqual(run.verdicts);
        expect(result.exitCode, details).toBe(run.exitCode);
        expect(report.trace.problems).toEqual([]);
        const verdict = (id: string) => report.verdicts.find((v) => v.id === id)!;
        for (const [id, key] of Object.entries(run.messages ?? {})) expect(verdict(id).messageKey, id).toBe(key);
        for (const [id, texts] of Object.entries(run.includes ?? {})) for (const text of texts) expect(verdict(id).message.en, id).toContain(text);
        for (const [id, texts] of Object.entries(run.notIncludes ?? {})) for (const text of texts) expect(verdict(id).message.en, id).not.toContain(text);
        for (const text of run.assumptions ?? []) expect(report.assumptions.map((a) => a.en)).toContain(text);
        for (const [id, items] of Object.entries(run.evidence ?? {})) for (const item of items) expect(verdict(id).evidence, id).toContainEqual(expect.objectContaining(item));
        for (const [id, bySubject] of Object.entries(run.evidenceData ?? {})) {
          for (const [subject, data] of Object.entries(bySubject)) expect(verdict(id).evidence.find((e) => e.subject === subject)?.data, `${id} ${subject}`).toMatchObject(data);
        }
      });
    }
  }
});
