import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../reports/validate-report.js';
import { localServicesEnv, serverAvailable } from '../helpers/database-servers.js';
import { fixture, runCli } from '../helpers/run-cli.js';

interface ExpectedRun {
  scenario: string;
  args: string[];
  /** A database server the run needs (local servers); the run is skipped, saying why, without it. */
  needs?: 'postgres' | 'mysql';
  exitCode: number;
  verdicts: Record<string, string>;
  steps?: Record<string, Record<string, unknown>>;
  messages?: Record<string, string>;
  assumptions?: string[];
  stdout?: string[];
  notStdout?: string[];
  neverInReport?: string[];
}

interface Expected {
  about: string;
  /** The fixture downloads from this host: its verdicts hold only where the host cannot be reached. */
  needsNoRouteTo?: string;
  runs: ExpectedRun[];
}

/** The "whose failure is it" fixtures (issue 8 §3–4): repositories shaped like real submissions. */
const FIXTURES = ['missingno-non-installable', 'pipeline-plante', 'telechargement-data-gouv', 'etl-postgres-dotenv'];

/** A machine that resolves the host would really download; the docker sandbox (no network) is then the place for this fixture. */
async function resolves(host: string): Promise<boolean> {
  return lookup(host).then(
    () => true,
    () => false,
  );
}

describe('whose failure is it: real-shaped repositories through the real CLI', async () => {
  for (const name of FIXTURES) {
    const expected = JSON.parse(readFileSync(fixture('real', name, 'expected.json'), 'utf8')) as Expected;
    const online = expected.needsNoRouteTo ? await resolves(expected.needsNoRouteTo) : false;
    for (const [index, run] of expected.runs.entries()) {
      const missing = run.needs && !serverAvailable(run.needs);
      const skip = online ? `skipped: this machine reaches ${expected.needsNoRouteTo}` : missing ? `skipped: ${run.needs} admin URL not set (source .ci/steps/10-databases.sh)` : '';
      (skip ? it.skip : it)(`${name} #${index + 1} ${run.args.join(' ')}: ${expected.about.slice(0, 90)}…${skip ? ` — ${skip}` : ''}`, () => {
        const result = runCli(['check', fixture('real', name), '--scenario', run.scenario, '--sandbox', 'local', '--format', 'json,md,html,junit', ...run.args], localServicesEnv() as Record<string, string>);
        expect(result.report, result.stderr).toBeDefined();
        const report = result.report!;
        const details = report.verdicts.map((v) => `${v.id}: ${v.status} ${v.messageKey} — ${v.message.en}`).join('\n');
        expect(validateReport(report)).toEqual([]);
        expect(Object.fromEntries(report.verdicts.map((v) => [v.id, v.status])), details).toEqual(run.verdicts);
        expect(result.exitCode, `${details}\n${result.stdout}`).toBe(run.exitCode);
        // The issue's rule: a run stopped by the environment never says fail.
        if (Object.values(run.steps ?? {}).every((step) => step.owner === 'environment')) expect(report.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
        for (const [id, failure] of Object.entries(run.steps ?? {})) expect(report.steps.find((s) => s.id === id)?.failure, id).toMatchObject(failure);
        for (const [id, key] of Object.entries(run.messages ?? {})) expect(report.verdicts.find((v) => v.id === id)?.messageKey, id).toBe(key);
        for (const text of run.assumptions ?? []) expect(report.assumptions.map((a) => a.en)).toContain(text);
        for (const text of run.stdout ?? []) expect(result.stdout).toContain(text);
        for (const text of run.notStdout ?? []) expect(result.stdout).not.toContain(text);
        for (const text of run.neverInReport ?? []) {
          for (const file of ['report.json', 'report.md', 'report.html', 'report.junit.xml']) expect(readFileSync(`${result.runDir}/${file}`, 'utf8'), file).not.toContain(text);
        }
        for (const blocked of report.verdicts.filter((v) => v.blockedBy)) {
          expect(blocked.status).toBe('error');
          expect(blocked.message.fr).toMatch(/^Non évaluable : /);
          expect(blocked.message.en).toMatch(/^Could not be judged: /);
        }
      });
    }
  }
});
