import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { RunReport } from '../../reports/report.js';
import { describeEachDatabase, localServicesEnv } from '../helpers/database-servers.js';
import { type CliRun, fixture, runCli } from '../helpers/run-cli.js';

/**
 * On a server database the runner points the team's `.env` at the run's database before the steps
 * (runner/services/run-dotenv): repo/no-secrets must judge what the team committed, not the runner's text.
 */
const SCENARIO = `id: committed-env
title: { fr: "Secrets du dépôt", en: "Repository secrets" }
framework: dev-ia-ds
bloc: 1
sandbox: { backend: local, timeoutSec: 120 }
services:
  - id: db
    kind: sqlite
steps:
  - id: pipeline
    candidate: true
checks:
  - use: repo/no-secrets
  - use: db/reachable
    with: { tables: [magasins] }
`;
const FIXTURE = fixture('hygiene', 'etl-postgres-env-committed');
/** The team's values in the fixture's committed .env (made up for this test). */
const TEAM_SECRETS = ['Boutique-Lyon-2026#', 'motdepasse'];
const PLACEHOLDERS = [
  '# Copiez ce fichier et remplissez vos valeurs',
  'DB_HOST=localhost',
  'DB_NAME=boutique',
  'DB_USER=etl_boutique',
  'DB_PASSWORD=changeme',
  'PGPASSWORD=',
  'DATABASE_URL=postgresql://etl_boutique:${DB_PASSWORD}@localhost:5432/boutique',
  'APP_ENV=developpement',
  '',
].join('\n');

function check(repo: string, kind: string): CliRun {
  const scenario = join(mkdtempSync(join(tmpdir(), 'mspr-committed-env-')), 'scenario.yaml');
  writeFileSync(scenario, SCENARIO);
  const args = ['check', repo, '--scenario', scenario, '--sandbox', 'local', '--services', 'local', '--database', kind, '--python', '/usr/bin/python3', '--format', 'json,junit,md,html'];
  return runCli(args, localServicesEnv() as Record<string, string>);
}
const statuses = (report: RunReport | undefined) => Object.fromEntries(report!.verdicts.map((v) => [v.id, `${v.status} ${v.messageKey}`]));
const REWRITTEN = ".env: the database keys DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, DATABASE_URL point at the run's database; the team's other keys are kept (values never copied into the report).";

/** No value of the team's .env appears in any report format, nor on stdout. */
function expectNothingLeaked(run: CliRun, values: string[]): void {
  const written = readdirSync(run.runDir!).filter((name) => name.startsWith('report.'));
  expect(written.map((name) => name.split('.').pop()).sort()).toEqual(['html', 'json', 'md', 'xml']);
  for (const name of written) {
    const text = readFileSync(join(run.runDir!, name), 'utf8');
    for (const value of values) expect(text, `${name} holds ${value.slice(0, 3)}…`).not.toContain(value);
  }
  for (const value of values) expect(run.stdout).not.toContain(value);
}

describeEachDatabase(['postgres', 'mysql'], 'repo/no-secrets reads the committed .env, not the one pointed at the run’s database (real CLI)', (kind) => {
  it('a real password in the committed .env (DB_PASSWORD and the URL’s): fail at .env:6 and .env:7, values masked', () => {
    const run = check(FIXTURE, kind);
    expect(run.exitCode, `${run.stderr}\n${run.stdout}`).toBe(1);
    // db/reachable passes: the pipeline connected through the .env the runner rewrote.
    expect(statuses(run.report)).toEqual({ 'repo/no-secrets': 'fail found', 'db/reachable': 'pass pass' });
    expect(run.report!.assumptions.map((a) => a.en)).toContain(REWRITTEN);
    const secrets = run.report!.verdicts.find((v) => v.id === 'repo/no-secrets')!;
    expect(secrets.message.en).toContain('2 committed secrets: .env:6, .env:7.');
    expect(secrets.evidence.filter((e) => e.subject.startsWith('.env'))).toEqual([
      expect.objectContaining({ subject: '.env:6', actual: '***', location: { file: '.env', line: 6 }, data: { kind: '.env value', name: 'DB_PASSWORD' } }),
      expect.objectContaining({ subject: '.env:7', actual: '***', location: { file: '.env', line: 7 }, data: { kind: 'password in a URL' } }),
    ]);
    expectNothingLeaked(run, TEAM_SECRETS);
  });

  it('placeholders in the committed .env (changeme, ${DB_PASSWORD}, empty): pass, the run’s own password is not the team’s', () => {
    const repo = join(mkdtempSync(join(tmpdir(), 'mspr-committed-env-repo-')), 'boutique');
    cpSync(FIXTURE, repo, { recursive: true });
    writeFileSync(join(repo, '.env'), PLACEHOLDERS);
    const run = check(repo, kind);
    expect(run.exitCode, `${run.stderr}\n${run.stdout}`).toBe(0);
    expect(statuses(run.report)).toEqual({ 'repo/no-secrets': 'pass pass', 'db/reachable': 'pass pass' });
    // The runner did rewrite DB_PASSWORD and DATABASE_URL with the run's password (PGPASSWORD too on PostgreSQL).
    const rewritten = run.report!.assumptions.map((a) => a.en).find((text) => text.startsWith('.env: the database keys'));
    expect(rewritten).toContain(kind === 'postgres' ? 'DB_HOST, DB_NAME, DB_USER, DB_PASSWORD, PGPASSWORD, DATABASE_URL' : 'DB_HOST, DB_NAME, DB_USER, DB_PASSWORD, DATABASE_URL');
  });

  it('a batch keeps what the team committed: regrade judges the committed .env again, not the kept one the runner rewrote', () => {
    const root = mkdtempSync(join(tmpdir(), 'mspr-committed-env-batch-'));
    cpSync(FIXTURE, join(root, 'boutique'), { recursive: true });
    writeFileSync(join(root, 'boutique', '.env'), PLACEHOLDERS);
    writeFileSync(join(root, 'promo.csv'), 'équipe;dépôt\r\nalpha;boutique\r\n');
    const scenario = join(root, 'scenario.yaml');
    writeFileSync(scenario, SCENARIO);
    const out = join(root, 'out');
    const env = localServicesEnv() as Record<string, string>;
    const batch = runCli(['batch', join(root, 'promo.csv'), '-s', scenario, '-o', out, '--sandbox', 'local', '--services', 'local', '--database', kind, '--python', '/usr/bin/python3', '--work-dir', mkdtempSync(join(tmpdir(), 'mspr-committed-env-work-')), '--quiet'], env);
    expect(batch.exitCode, `${batch.stderr}\n${batch.stdout}`).toBe(0);
    // The kept workspace holds the runner's .env (the run's password); the committed text is kept beside it.
    expect(readFileSync(join(out, 'teams', 'alpha', 'evidence', 'workspace', '.env'), 'utf8')).not.toContain('changeme');
    const regrade = runCli(['regrade', out, '--database', kind, '--quiet'], env);
    expect(regrade.exitCode, `${regrade.stderr}\n${regrade.stdout}`).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'teams', 'alpha', 'report.json'), 'utf8')) as RunReport;
    expect(statuses(report)).toEqual({ 'repo/no-secrets': 'pass pass', 'db/reachable': 'pass pass' });
  });
});
