import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../reports/report.js';
import { candidateRepo, cli, cliEnv, datedRepo, entries, privateRoot } from './helpers.js';

const root = privateRoot('input');
const work = join(root, 'work');
const env = cliEnv(work);
const SCENARIO = 'cdp-data-ia-bloc1-etl';
/** Nothing of the run happened: no run folder (no clone, no copy, no step) and no report. */
const expectNothingRan = (out: string) => {
  expect(entries(work)).toEqual([]);
  expect(entries(out)).toEqual([]);
};
const noStackFrames = (text: string) => expect(text).not.toMatch(/^\s+at |\.js:\d+:\d+/m);

describe('--deadline: ISO 8601 only, refused before anything is cloned', () => {
  const { repo } = datedRepo(root, ['2026-06-20T10:00:00+02:00', '2026-07-01T10:00:00+02:00']);

  it.each([
    ['2026-06-31T23:59', 'day 31 does not exist in month 6 of 2026'],
    ['not-a-date', 'it is not an ISO 8601 date'],
    ['05/06/2026', 'it is not an ISO 8601 date'],
  ])('%s: exit 2, MSPR_USAGE with an example', (deadline, why) => {
    const out = join(root, `out-${deadline.replace(/\W/g, '')}`);
    const run = cli(['check', repo, '-s', SCENARIO, '--deadline', deadline, '--out', out, '--quiet'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`MSPR_USAGE: --deadline "${deadline}" refused: ${why}.`);
    expect(run.stderr).toContain('What to do: Give an ISO 8601 date: 2026-06-30T23:59 (Europe/Paris), 2026-06-30T23:59:00+02:00, 2026-06-30');
    expect(run.stdout).toBe('');
    expectNothingRan(out);
  });

  it('a deadline without a time zone is Paris time, and the report says so', () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Paris: after a 23:59 Paris deadline, before a 23:59 UTC one.
    const { repo: late, commits } = datedRepo(privateRoot('late'), ['2026-06-30T18:00:00+02:00', '2026-06-30T22:30:00Z']);
    const out = join(root, 'out-paris');
    const run = cli(['check', late, '-s', SCENARIO, '--deadline', '2026-06-30T23:59', '--sandbox', 'local', '--out', out, '--quiet'], env);
    const report = JSON.parse(readFileSync(join(out, entries(out)[0]!, 'report.json'), 'utf8')) as RunReport;
    expect(report.submission).toMatchObject({ commit: commits[0], deadline: '2026-06-30T23:59:00+02:00', commitsAfterDeadline: 1 });
    expect(report.assumptions.map((a) => a.en)).toContain(
      'Deadline "2026-06-30T23:59" read as 2026-06-30T23:59:00+02:00 (2026-06-30T21:59:00Z), no time zone given: Paris time (Europe/Paris).',
    );
    expect(run.exitCode).not.toBe(2);
  });

  it('the help states the rule', () => {
    expect(cli(['check', '--help'], env).stdout.replace(/\s+/g, ' ')).toContain('without a time zone: Europe/Paris; a date alone: 23:59:59 that day');
  });
});

describe('scenarios: bombs and typos are invalid scenarios, never internal errors', () => {
  it('a YAML bomb: MSPR_SCENARIO_INVALID with a message, no stack, exit 2', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    const file = join(root, 'bomb.yaml');
    writeFileSync(file, `id: bomb\ntitle: x\nframework: cdp-data-ia\nbloc: 1\nchecks: [{ use: repo/files-present }]\n${levels.join('\n')}\n`);
    const out = join(root, 'out-bomb');
    const run = cli(['check', candidateRepo(root), '-s', file, '--out', out, '--quiet'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`MSPR_SCENARIO_INVALID: Scenario ${file} cannot be parsed.`);
    expect(run.stderr).toContain('(file): Excessive alias count indicates a resource exhaustion attack');
    expect(run.stderr).not.toContain('MSPR_INTERNAL');
    noStackFrames(run.stderr);
    expectNothingRan(out);
  });
});

describe('--out and --work-dir are checked before the run', () => {
  const repo = candidateRepo(privateRoot('repo'));

  it('--out naming a file: MSPR_OUTPUT_UNWRITABLE at once, nothing run', () => {
    const file = join(root, 'rapport.txt');
    writeFileSync(file, 'not a folder\n');
    const run = cli(['check', repo, '-s', SCENARIO, '--sandbox', 'local', '--out', file, '--quiet'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`MSPR_OUTPUT_UNWRITABLE: ${file} is a file, not a folder.`);
    expect(run.stderr).toContain('What to do: Give --out a folder you can write to (it is created when missing).');
    expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
    expect(entries(work)).toEqual([]);
  });

  it('--out below a file (`notes.txt/out`): refused the same way, naming the file in the way', () => {
    writeFileSync(join(root, 'notes.txt'), 'x\n');
    const run = cli(['check', repo, '-s', SCENARIO, '--sandbox', 'local', '--out', join(root, 'notes.txt', 'out'), '--quiet'], env);
    expect(run.exitCode, run.stderr).toBe(2);
    expect(run.stderr).toContain(`MSPR_OUTPUT_UNWRITABLE: ${join(root, 'notes.txt')} is a file, not a folder.`);
    expect(entries(work)).toEqual([]);
  });

  it.each(['/proc/mspr-lab', '/proc/self/mspr', '/sys/kernel/mspr'])('--work-dir %s: refused at once (used to hang), nothing run', (dir) => {
    const out = join(root, 'out-proc');
    const run = cli(['check', repo, '-s', SCENARIO, '--sandbox', 'local', '--work-dir', dir, '--out', out, '--quiet'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`MSPR_OUTPUT_UNWRITABLE: ${dir} is under /proc, /sys or /dev, where mspr-lab does not write.`);
    expect(run.stderr).toContain('Give --work-dir a folder you can write to');
    expect(existsSync(dir)).toBe(false);
    expect(entries(out)).toEqual([]);
  });

  it('French too', () => {
    const run = cli(['check', repo, '-s', SCENARIO, '--work-dir', '/proc/mspr-lab', '--out', join(root, 'out-fr'), '--lang', 'fr', '--quiet'], env);
    expect(run.stderr).toContain('MSPR_OUTPUT_UNWRITABLE: /proc/mspr-lab est dans /proc, /sys ou /dev, où mspr-lab n’écrit pas.');
    expect(run.stderr).toContain('Que faire : Donnez avec --work-dir un dossier où vous pouvez écrire');
  });
});

describe('a hostile mspr.yaml: a clear refusal naming each key, never an internal error', () => {
  it('paths leaving the repository are refused; discovery goes on and no verdict is an internal error', () => {
    const repo = candidateRepo(privateRoot('manifest'), {
      'mspr.yaml': 'outputs:\n  metrics: ../../../etc/passwd\ndatabases:\n  db: /etc/shadow\nrun:\n  - ../evil.py\n',
    });
    const out = join(root, 'out-manifest');
    mkdirSync(out);
    const run = cli(['check', repo, '-s', SCENARIO, '--sandbox', 'local', '--out', out, '--quiet'], env);
    const report = JSON.parse(readFileSync(join(out, readdirSync(out)[0]!, 'report.json'), 'utf8')) as RunReport;
    const ignored = report.assumptions.map((a) => a.en).find((text) => text.startsWith('mspr.yaml ignored'));
    expect(ignored).toBe(
      'mspr.yaml ignored: mspr.yaml names paths outside the repository. ' +
        [
          'mspr.yaml: databases.db: "/etc/shadow" is an absolute path: give a path relative to the repository root',
          'mspr.yaml: outputs.metrics: "../../../etc/passwd" leaves the repository: give a path inside it, relative to its root',
          'mspr.yaml: run[0]: "../evil.py" leaves the repository: give a path inside it, relative to its root',
        ].join('; '),
    );
    expect(report.steps.map((step) => step.id)).toEqual(['pipeline:src/main.py']);
    const internal = report.verdicts.filter((v) => v.evidence.some((e) => e.subject === 'MSPR_INTERNAL') || /internal error/.test(v.message.en));
    expect(internal).toEqual([]);
    noStackFrames(JSON.stringify(report));
    expect(run.exitCode).not.toBe(2);
  });
});
