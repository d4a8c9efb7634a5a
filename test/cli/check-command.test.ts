import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../reports/validate-report.js';
import { allCommands, buildProgram } from '../../runner/cli/program.js';
import { scenarioOf } from '../helpers/fixture-expectations.js';
import { fixture, runCli } from '../helpers/run-cli.js';

const BLOC1 = 'cdp-data-ia-bloc1-etl';
/** The foundation fixtures are graded on their own scenario (expected.json): the three foundation checks, strict row counts. */
const FOUNDATION = scenarioOf('foundation/etl-pass');
const verdictsOf = (report: { verdicts: Array<{ id: string; status: string }> }) => Object.fromEntries(report.verdicts.map((v) => [v.id, v.status]));

describe('mspr-lab check (real CLI, real Python, real SQLite)', () => {
  it('passing fixture: exit 0, every verdict pass, valid report and JUnit', () => {
    const run = runCli(['check', fixture('foundation/etl-pass'), '--scenario', FOUNDATION, '--sandbox', 'local', '--format', 'junit,md']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(verdictsOf(run.report!)).toEqual({ 'repo/files-present': 'pass', 'steps/succeeded': 'pass', 'db/rows-match-source': 'pass' });
    expect(validateReport(run.report)).toEqual([]);
    expect(run.report!.steps).toMatchObject([{ id: 'pipeline:src/main.py', status: 'ok', exitCode: 0 }]);
    // No mspr.yaml: the report says what was run and which database was read.
    const assumed = run.report!.assumptions.map((a) => a.en).join('\n');
    expect(assumed).toContain('No mspr.yaml: ran src/main.py, from README.md');
    expect(run.report!.plan).toMatchObject({ origin: 'discovered', steps: [{ id: 'src/main.py', run: ['python', 'src/main.py'], cwd: '.', reason: 'README.md:3' }] });
    expect(assumed).toContain('SQLite database not declared: used warehouse.sqlite');
    expect(run.report!.sandbox).toMatchObject({ backend: 'local', isolated: false });
    expect(run.stdout).toContain('PASSED — score 6/6');
    const junit = readFileSync(join(run.runDir!, 'report.junit.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    // One testsuite per competency (1.1): the three checks pass, the two jury items are skipped testcases.
    expect(junit).toContain('<testsuites name="mspr-lab" tests="5" failures="0" errors="0" skipped="2"');
  });

  it('missing rows: exit 1 with both counts in the evidence', () => {
    const run = runCli(['check', fixture('foundation/etl-missing-rows'), '--scenario', scenarioOf('foundation/etl-missing-rows'), '--sandbox', 'local', '--format', 'junit']);
    expect(run.exitCode, run.stderr).toBe(1);
    const rows = run.report!.verdicts.find((v) => v.id === 'db/rows-match-source')!;
    expect(rows).toMatchObject({ status: 'fail', messageKey: 'mismatch' });
    expect(rows.evidence).toContainEqual(expect.objectContaining({ subject: 'table ventes', expected: 2000, actual: 1980 }));
    expect(rows.evidence).toContainEqual(expect.objectContaining({ subject: 'table produits', expected: 60, actual: 60 }));
    expect(rows.message.en).toContain('ventes 1980 / ventes.csv 2000 (20 missing)');
    expect(rows.message.fr).toContain('ventes 1980 / ventes.csv 2000 (20 manquantes)');
    expect(run.stdout).toContain('table ventes — expected 2000 — found 1980');
    const junit = readFileSync(join(run.runDir!, 'report.junit.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toMatch(/<failure message="Row counts differ: ventes 1980 \/ ventes.csv 2000/);
  });

  it('corrupt CSV: an error verdict with the reason, and the other checks still run', () => {
    const run = runCli(['check', fixture('foundation/etl-corrupt-source'), '--scenario', scenarioOf('foundation/etl-corrupt-source')]);
    expect(run.exitCode).toBe(1);
    expect(verdictsOf(run.report!)).toEqual({ 'repo/files-present': 'pass', 'rows-clients': 'error', 'steps/succeeded': 'pass', 'db/rows-match-source': 'pass' });
    const clients = run.report!.verdicts.find((v) => v.id === 'rows-clients')!;
    expect(clients.message.en).toMatch(/^Could not check: Cannot read data\/clients.csv: could not parse/);
    expect(clients.message.fr).toMatch(/^Vérification impossible : Impossible de lire data\/clients.csv/);
  });

  it('endless loop: the step is stopped at the limit and reported as a timeout', () => {
    const run = runCli(['check', fixture('foundation/etl-endless-loop'), '--scenario', scenarioOf('foundation/etl-endless-loop')]);
    expect(run.exitCode).toBe(1);
    expect(run.report!.steps).toMatchObject([{ id: 'pipeline:main.py', status: 'timeout', timedOut: true, exitCode: null }]);
    expect(run.report!.steps[0]!.durationMs).toBeLessThan(2000 + 2500);
    expect(run.report!.steps[0]!.stdoutTail).toContain('connexion à la base');
    expect(run.report!.verdicts.find((v) => v.id === 'steps/succeeded')!.message.en).toContain('pipeline:main.py (timeout)');
  });

  it('a symlink escaping the repository is refused and reported', () => {
    const repo = mkdtempSync(join(tmpdir(), 'mspr-hostile-'));
    cpSync(fixture('foundation/etl-pass'), repo, { recursive: true });
    symlinkSync('/etc/passwd', join(repo, 'passwd.csv'));
    const run = runCli(['check', repo, '--scenario', FOUNDATION, '--sandbox', 'local']);
    expect(run.exitCode).toBe(0);
    expect(run.report!.submission.refused).toEqual([
      { path: 'passwd.csv', reason: 'symlink-escapes', message: expect.objectContaining({ en: 'passwd.csv: symbolic link to /etc/passwd, outside the repository: not copied' }) },
    ]);
    expect(run.stdout).toContain('! passwd.csv: symbolic link to /etc/passwd');
  });

  it('speaks French with --lang fr', () => {
    const run = runCli(['check', fixture('foundation/etl-missing-rows'), '--scenario', FOUNDATION, '--sandbox', 'local', '--lang', 'fr']);
    expect(run.stdout).toContain('ÉCHEC');
    expect(run.stdout).toContain('Nombre de lignes différent\u00a0: ventes 1980 / ventes.csv 2000');
  });

  it('re-renders a report without running again', () => {
    const run = runCli(['check', fixture('foundation/etl-missing-rows'), '--scenario', FOUNDATION, '--sandbox', 'local', '--format', 'md']);
    const written = readFileSync(join(run.runDir!, 'report.md'), 'utf8');
    const rendered = runCli(['render', join(run.runDir!, 'report.json'), '--format', 'md', '--stdout']);
    expect(rendered.exitCode).toBe(0);
    expect(rendered.stdout).toBe(written);
  });
});

describe('mspr-lab exit code 2: the run could not be done', () => {
  it('unknown scenario', () => {
    const run = runCli(['check', fixture('foundation/etl-pass'), '--scenario', 'bloc-42']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('MSPR_SCENARIO_NOT_FOUND: Scenario not found: "bloc-42".');
  });

  it('submission that does not exist: a report that says so', () => {
    const run = runCli(['check', '/nonexistent/team-9', '--scenario', BLOC1]);
    expect(run.exitCode).toBe(2);
    expect(run.report!.summary.status).toBe('error');
    expect(run.report!.errors[0]).toMatchObject({ code: 'MSPR_SUBMISSION_UNREADABLE' });
    expect(validateReport(run.report)).toEqual([]);
  });

  it('unknown option or format', () => {
    expect(runCli(['check', '.', '--scenario', BLOC1, '--colour']).exitCode).toBe(2);
    const run = runCli(['check', '.', '--scenario', BLOC1, '--format', 'junt']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Unknown format: junt (did you mean junit?)');
  });

  it('malformed report given to render', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mspr-render-'));
    const file = join(dir, 'report.json');
    writeFileSync(file, '{"schemaVersion": "1.0"}');
    const run = runCli(['render', file, '--stdout']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('MSPR_REPORT_INVALID');
    expect(run.stderr).toContain('(root): missing required property "tool"');
  });
});

describe('help', () => {
  const everyCommand = [[], ...allCommands(buildProgram()).map(({ path }) => path)];
  it.each(everyCommand)('mspr-lab %s --help exits 0 with examples', (...path: string[]) => {
    const run = runCli([...path, '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Example');
  });

  it('lists checks and scenarios', () => {
    expect(runCli(['checks', 'list']).stdout).toContain('db/rows-match-source');
    expect(runCli(['scenarios', 'list']).stdout).toContain(BLOC1);
    expect(runCli(['scenarios', 'validate', fixture('scenarios/foundation-short-timeout.yaml')]).stdout).toContain(': valid');
  });
});
