import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../reports/report.js';
import { clearDataOneAuthor, DB_PASSWORD, HYGIENE_SCENARIO, lateCommits, leakedEnv, PEOPLE, removedEnv } from '../helpers/hygiene-repos.js';
import { type CliRun, runCli } from '../helpers/run-cli.js';

const scenario = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'mspr-hygiene-scenario-')), 'hygiene.yaml');
  writeFileSync(file, HYGIENE_SCENARIO);
  return file;
};
const check = (repo: string, extra: string[] = []) => runCli(['check', repo, '--scenario', scenario(), '--sandbox', 'local', '--python', '/usr/bin/python3', '--format', 'json,junit,md,html', ...extra]);
const verdictOf = (report: RunReport | undefined, id: string) => report!.verdicts.find((v) => v.id === id)!;
const statuses = (report: RunReport | undefined) => Object.fromEntries(report!.verdicts.map((v) => [v.id, `${v.status} ${v.messageKey}`]));

/** No value that must stay private appears in any report format, nor on stdout. */
function expectNothingLeaked(run: CliRun, values: string[]): void {
  const written = readdirSync(run.runDir!).filter((name) => name.startsWith('report.'));
  expect(written.map((name) => name.split('.').pop()).sort()).toEqual(['html', 'json', 'md', 'xml']);
  for (const name of written) {
    const text = readFileSync(join(run.runDir!, name), 'utf8');
    for (const value of values) expect(text, `${name} holds ${value.slice(0, 3)}…`).not.toContain(value);
  }
  for (const value of values) expect(run.stdout).not.toContain(value);
}
const PRIVATE = [DB_PASSWORD, ...PEOPLE.map((p) => p.email), PEOPLE[0]!.nir, PEOPLE[1]!.nir, PEOPLE[1]!.nir.replace(/\s/g, '')];

describe('hygiene checks through the real CLI on real git repositories (local sandbox)', () => {
  it('a committed .env password: no-secrets fails at .env:2; three members over several days pass', () => {
    const repo = leakedEnv();
    const run = check(repo.dir);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(statuses(run.report)).toEqual({ 'repo/no-secrets': 'fail found', 'repo/personal-data': 'pass pass', 'git/team-history': 'pass pass' });
    const secrets = verdictOf(run.report, 'repo/no-secrets');
    expect(secrets.evidence).toContainEqual(expect.objectContaining({ subject: '.env:2', actual: '***', data: { kind: '.env value', name: 'DB_PASSWORD' } }));
    const team = verdictOf(run.report, 'git/team-history');
    expect(team.message.en).toContain('each of the 3 members committed');
    expect(team.evidence).toContainEqual(expect.objectContaining({ subject: 'member Élodie Lefèvre', actual: 2, data: expect.objectContaining({ share: 0.4, emails: ['e.lefevre@gmail.com', 'elodie.lefevre@ecole.fr'] }) }));
    expect(team.evidence).toContainEqual(expect.objectContaining({ subject: 'distinct days', expected: '>= 3', actual: 5 }));
    expect(run.report!.submission.history).toMatchObject({ available: true, commit: repo.shas.at(-1), total: 5, capped: false });
    expectNothingLeaked(run, PRIVATE);
  });

  it('a .env password committed then removed: found in the history with its commit, never shown', () => {
    const repo = removedEnv();
    const run = check(repo.dir);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(statuses(run.report)).toEqual({ 'repo/no-secrets': 'fail foundInHistory', 'repo/personal-data': 'pass pass', 'git/team-history': 'pass pass' });
    const secrets = verdictOf(run.report, 'repo/no-secrets');
    expect(secrets.message.en).toContain(`1 secret in the git history, removed from the files since: .env@${repo.shas[3]!.slice(0, 12)}:2.`);
    expect(secrets.evidence).toContainEqual(expect.objectContaining({ kind: 'git', subject: `.env@${repo.shas[3]!.slice(0, 12)}:2`, actual: '***', data: { commit: repo.shas[3], kind: '.env value', name: 'DB_PASSWORD', removed: true } }));
    expectNothingLeaked(run, PRIVATE);
  });

  it('e-mails and NIRs in clear (a ;-separated Latin-1 CSV, and the table the run loaded); one author of three members is a warn', () => {
    const repo = clearDataOneAuthor();
    const run = check(repo.dir);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(statuses(run.report)).toEqual({ 'repo/no-secrets': 'pass passHistory', 'repo/personal-data': 'fail found', 'git/team-history': 'warn missingMembers' });
    const personal = verdictOf(run.report, 'repo/personal-data');
    expect(personal.evidence).toContainEqual(expect.objectContaining({ subject: 'data/clients.csv:email', actual: 3, data: { kind: 'e-mail', column: 'email', examples: ['j***@e***.fr', 'e***@f***.fr'] } }));
    expect(personal.evidence).toContainEqual(expect.objectContaining({ subject: 'data/clients.csv:nir', actual: 3, data: expect.objectContaining({ kind: 'NIR' }) }));
    expect(personal.evidence).toContainEqual(expect.objectContaining({ kind: 'db', subject: 'table clients:email', actual: 3 }));
    const team = verdictOf(run.report, 'git/team-history');
    expect(team.message.en).toContain('No commit before the deadline from: Élodie Lefèvre, sophie.nguyen@ecole.fr (2 of 3 members)');
    expect(team.evidence).toContainEqual(expect.objectContaining({ subject: 'member Karim Benali', actual: 3, data: expect.objectContaining({ share: 1 }) }));
    expectNothingLeaked(run, PRIVATE);
  });

  it('with --deadline, the commits after it are listed as left out (the clone path)', () => {
    const repo = lateCommits();
    const run = check(repo.dir, ['--deadline', '2026-11-28T00:00:00+01:00']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(statuses(run.report)).toEqual({ 'repo/no-secrets': 'pass passHistory', 'repo/personal-data': 'pass pass', 'git/team-history': 'pass pass' });
    expect(run.report!.submission).toMatchObject({ kind: 'git', commit: repo.shas[3], commitsAfterDeadline: 2, history: { available: true, total: 4, afterDeadlineTotal: 2 } });
    const history = verdictOf(run.report, 'git/team-history').evidence.find((e) => e.subject === 'git history')!;
    expect(history).toMatchObject({ actual: 4, data: expect.objectContaining({ afterDeadline: 2, afterDeadlineCommits: [expect.objectContaining({ sha: repo.shas[5], author: 'Sophie Nguyen' }), expect.objectContaining({ sha: repo.shas[4] })] }) });
  });
});
