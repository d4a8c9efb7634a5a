import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../runner/paths.js';
import { gitTeamRepo } from '../helpers/git-team-repo.js';
import { fixture, runCli } from '../helpers/run-cli.js';

/**
 * A promotion as an instructor has it: each team's repository a real git history with dated commits, a
 * roster saved by French Excel (`;`, BOM, French headers), a deadline. Everything through the real CLI, real
 * Python in the local sandbox.
 */
const DEADLINE = '2026-06-30T23:59';
let root: string;
let roster: string;
let shortRoster: string;
let scenario: string;
const work = () => mkdtempSync(join(tmpdir(), 'mspr-batch-work-'));

function promotion(): void {
  root = mkdtempSync(join(tmpdir(), 'mspr-promo-'));
  const repos = join(root, 'depots');
  mkdirSync(repos);
  gitTeamRepo(join(repos, 'alpha'), [
    { date: '2026-06-20T10:00:00+02:00', message: 'ETL complet', from: fixture('foundation/etl-pass') },
    // Past the deadline: must be left out (the graded commit is the first one) and counted.
    { date: '2026-07-02T09:00:00+02:00', message: 'oubli', files: { 'src/main.py': 'raise SystemExit("cassé après la date limite")\n' } },
  ]);
  gitTeamRepo(join(repos, 'beta'), [{ date: '2026-06-28T18:00:00+02:00', message: 'chargement', from: fixture('foundation/etl-missing-rows') }]);
  gitTeamRepo(join(repos, 'gamma'), [{ date: '2026-06-29T08:00:00+02:00', message: 'rendu', from: fixture('foundation/etl-pass') }]);
  gitTeamRepo(join(repos, 'epsilon'), [{ date: '2026-06-29T08:00:00+02:00', message: 'boucle', from: fixture('foundation/etl-endless-loop') }]);
  // The foundation scenario, with a step limit that stops the endless loop yet leaves pandas time on a loaded machine.
  scenario = join(root, 'bloc1-court.yaml');
  writeFileSync(scenario, readFileSync(fixture('scenarios/foundation-bloc1.yaml'), 'utf8').replace('timeoutSec: 300', 'timeoutSec: 45'));
  roster = join(root, 'promo.csv');
  const rows = [
    'équipe;dépôt;membres',
    'alpha;depots/alpha;Inès Durand, Léo Martin',
    'beta;depots/beta;Chloé Petit',
    'gamma;depots/gamma;Hugo Bernard',
    'delta;file:///nonexistent/delta.git;Zoé Roux',
    'epsilon;depots/epsilon;Noé Lambert',
  ];
  writeFileSync(roster, `\ufeff${rows.join('\r\n')}\r\n`);
  // The same promotion without the endless loop, for the interrupted batch (a SIGKILL leaves no step running long).
  shortRoster = join(root, 'promo-sans-boucle.csv');
  writeFileSync(shortRoster, `\ufeff${rows.slice(0, -1).join('\r\n')}\r\n`);
}

type Row = Record<string, string>;
// git's message names the run's own scratch folder, new on each try: the rest of the reason is compared.
const gradebook = (out: string): Row[] =>
  (parse(readFileSync(join(out, 'gradebook.csv'), 'utf8').replace(/^\ufeff/, ''), { columns: true, delimiter: ';' }) as Row[]).map((r) => ({ ...r, reason: r.reason!.replace(/'\/tmp\/[^']*'/g, "'…'") }));
const gradings = (out: string) => {
  const db = new Database(join(out, 'batch.sqlite'), { readonly: true });
  try {
    return Object.fromEntries((db.prepare('SELECT team, gradings FROM runs').all() as Array<{ team: string; gradings: number }>).map((r) => [r.team, r.gradings]));
  } finally {
    db.close();
  }
};
const batch = (out: string, extra: string[] = [], list = roster) =>
  runCli(['batch', list, '-s', scenario, '--deadline', DEADLINE, '-o', out, '--sandbox', 'local', '--csv-dialect', 'excel-fr', '-j', '2', '--work-dir', work(), ...extra]);

/** The gradebook rows every complete batch of this promotion must give. */
function expectPromotion(rows: Row[], withLoop = true): void {
  const byTeam = Object.fromEntries(rows.map((r) => [r.team, r]));
  expect(rows.map((r) => r.team)).toEqual(['alpha', 'beta', 'gamma', 'delta', ...(withLoop ? ['epsilon'] : [])]);
  expect(byTeam.alpha).toMatchObject({ members: 'Inès Durand, Léo Martin', status: 'pass', 'commits after deadline': '1', score: '6', 'max score': '6', 'repo/files-present': 'pass', 'steps/succeeded': 'pass', 'db/rows-match-source': 'pass' });
  expect(byTeam.beta).toMatchObject({ status: 'fail', 'commits after deadline': '0', 'steps/succeeded': 'pass', 'db/rows-match-source': 'fail' });
  expect(byTeam.beta!.reason).toBe('Required checks not passed: db/rows-match-source.');
  expect(byTeam.gamma).toMatchObject({ status: 'pass', score: '6' });
  expect(byTeam.delta).toMatchObject({ status: 'error', commit: '', score: '0', 'max score': '6', 'repo/files-present': '' });
  expect(byTeam.delta!.reason).toMatch(/delta\.git/);
  if (withLoop) expect(byTeam.epsilon).toMatchObject({ status: 'fail', 'steps/succeeded': 'fail' });
  if (withLoop) expect(byTeam.epsilon!.reason).toMatch(/^The step exceeded its time limit \(4\d s\)\. Required checks not passed: steps\/succeeded, db\/rows-match-source\.$/);
  // One column per criterion of the framework, its status in words; jury-only criteria stay to be checked.
  expect(byTeam.alpha).toMatchObject({ 'C1.6': 'to be checked', 'C1.7': 'to be checked', 'C1.9': 'achieved', 'C2.6': 'achieved' });
  expect(byTeam.beta).toMatchObject({ 'C1.9': 'not achieved', 'C2.6': 'achieved' });
  expect(byTeam.delta).toMatchObject({ 'C1.9': '', 'C2.6': '' });
}

describe('mspr-lab batch', () => {
  beforeAll(promotion);

  it('grades a roster of real git repositories into a gradebook, each team with its reason; a re-run grades nobody twice', () => {
    const out = join(root, 'out-full');
    const run = batch(out);
    expect(run.exitCode).toBe(2); // delta could not be cloned: CI must not read the batch as complete
    const rows = gradebook(out);
    expectPromotion(rows);
    const csv = readFileSync(join(out, 'gradebook.csv'), 'utf8');
    expect(csv.startsWith('\ufeffteam;members;')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(gradings(out)).toEqual({ alpha: 1, beta: 1, gamma: 1, delta: 1, epsilon: 1 });
    for (const team of ['alpha', 'beta', 'gamma', 'epsilon']) for (const ext of ['json', 'md', 'html']) expect(existsSync(join(out, 'teams', team, `report.${ext}`))).toBe(true);
    const alpha = JSON.parse(readFileSync(join(out, 'teams', 'alpha', 'report.json'), 'utf8'));
    expect(alpha.submission).toMatchObject({ kind: 'git', commitsAfterDeadline: 1 });
    // The roster's members and the graded commit's history reach the team's report (git/team-history reads them).
    expect(alpha.submission).toMatchObject({ members: ['Inès Durand', 'Léo Martin'], history: { available: true, afterDeadlineTotal: 1 } });
    expect(existsSync(join(out, 'teams', 'alpha', 'evidence', 'run.json'))).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'batch.json'), 'utf8'));
    expect(summary.totals).toEqual({ teams: 5, pass: 2, fail: 2, error: 1, notGraded: 0 });
    expect(readFileSync(join(out, 'overview.html'), 'utf8')).toContain('<a href="teams/alpha/report.html">alpha</a>');
    expect(run.stdout).toMatch(/5 teams: 2 passed, 2 failed, 1 errored\./);

    // Same command again: unchanged teams kept (graded once), the error row tried again, same gradebook.
    const again = batch(out);
    expect(again.exitCode).toBe(2);
    expect(gradings(out)).toEqual({ alpha: 1, beta: 1, gamma: 1, delta: 2, epsilon: 1 });
    expect(gradebook(out)).toEqual(rows);

    // --team replaces the row, never adds one.
    const one = batch(out, ['--team', 'beta']);
    expect(one.exitCode).toBe(2);
    expect(gradings(out)).toMatchObject({ beta: 2, alpha: 1 });
    expect(gradebook(out)).toEqual(rows);
  }, 600_000);

  it('writes gradebook.xlsx that a spreadsheet reads back with the same rows', async () => {
    const out = join(root, 'out-full');
    const sheet = (await readSheet(readFileSync(join(out, 'gradebook.xlsx')))) as unknown as Array<Array<string | number | null>>;
    expect(sheet[0]!.slice(0, 3)).toEqual(['team', 'members', 'status']);
    expect(sheet.slice(1).map((r) => [r[0], r[2]])).toEqual([['alpha', 'pass'], ['beta', 'fail'], ['gamma', 'pass'], ['delta', 'error'], ['epsilon', 'fail']]);
  });

  it('a batch killed with SIGKILL mid-way, run again, gives the same gradebook with no team graded twice', async () => {
    const out = join(root, 'out-killed');
    const args = [packagePath('dist/runner/cli.js'), 'batch', shortRoster, '-s', scenario, '--deadline', DEADLINE, '-o', out, '--sandbox', 'local', '--csv-dialect', 'excel-fr', '-j', '1', '--work-dir', work(), '--quiet'];
    const child = spawn(process.execPath, args, { env: { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Killed as soon as one team is committed (or when it ends by itself): what is asserted holds either way.
    for (let committed = 0; committed < 1 && child.exitCode === null; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The store may be half-created at the first looks (no table yet): not committed yet.
      committed = (() => {
        try {
          return Object.keys(gradings(out)).length;
        } catch {
          return 0;
        }
      })();
    }
    child.kill('SIGKILL');
    await exited;
    const before = existsSync(join(out, 'batch.sqlite')) ? gradings(out) : {};
    expect(Object.keys(before).length, stderr).toBeGreaterThanOrEqual(1);

    const resumed = batch(out, ['--resume'], shortRoster);
    expect(resumed.exitCode).toBe(2);
    expectPromotion(gradebook(out), false);
    const after = gradings(out);
    for (const team of Object.keys(before)) if (team !== 'delta') expect(after[team]).toBe(1);
    for (const team of Object.keys(before)) if (team !== 'delta') expect(resumed.stderr).toContain(`${team}: already graded, unchanged, result kept`);
  }, 600_000);

  it("applies the roster's manifest column: the instructor's plan for a team whose repository names no entry point", () => {
    const repos = join(root, 'depots');
    const script = readFileSync(fixture('foundation/etl-pass/src/main.py'), 'utf8');
    mkdirSync(join(repos, 'zeta', 'outils'), { recursive: true });
    gitTeamRepo(join(repos, 'zeta'), [
      {
        date: '2026-06-29T08:00:00+02:00',
        message: 'rendu',
        files: { 'README.md': '# Équipe 6 — ETL boutique\n\nLe chargement des sources est dans `outils/`.\n', 'requirements.txt': 'pandas\nopenpyxl\n', 'outils/chargement.py': script },
      },
    ]);
    mkdirSync(join(root, 'plans'), { recursive: true });
    writeFileSync(join(root, 'plans', 'zeta.yaml'), 'run:\n  - outils/chargement.py\n');
    const withPlan = join(root, 'promo-plan.csv');
    writeFileSync(withPlan, 'équipe;dépôt;membres;manifest\nzeta;depots/zeta;Lou Garnier;plans/zeta.yaml\n');
    const withoutPlan = join(root, 'promo-sans-plan.csv');
    writeFileSync(withoutPlan, 'équipe;dépôt;membres\nzeta;depots/zeta;Lou Garnier\n');

    const planned = batch(join(root, 'out-plan'), [], withPlan);
    // The plan makes the pipeline run and load everything; the README still says nothing runnable, which
    // repo/files-present judges (issue 10: content, not presence), so the team's row is a fail on that one check.
    expect(planned.exitCode, planned.stderr).toBe(1);
    expect(gradebook(join(root, 'out-plan'))[0]).toMatchObject({ team: 'zeta', status: 'fail', 'repo/files-present': 'fail', 'steps/succeeded': 'pass', 'db/rows-match-source': 'pass' });
    const report = JSON.parse(readFileSync(join(root, 'out-plan', 'teams', 'zeta', 'report.json'), 'utf8'));
    expect(report.plan.origin).toBe('external-manifest');
    expect(report.plan.steps.map((step: { run: string[] }) => step.run.slice(-1)[0])).toEqual(['outils/chargement.py']);

    // The control: the same repository without the column has nothing to run, so it does not pass.
    const unplanned = batch(join(root, 'out-sans-plan'), [], withoutPlan);
    expect(unplanned.exitCode).not.toBe(0);
    expect(gradebook(join(root, 'out-sans-plan'))[0]!['steps/succeeded']).not.toBe('pass');
  }, 600_000);

  it('refuses an invalid roster with every problem and its line, before grading anything', () => {
    const bad = join(root, 'bad.csv');
    writeFileSync(bad, 'team,source\nalpha,depots/alpha\nalpha,depots/beta\n../x,depots/gamma\nomega,\n');
    const out = join(root, 'out-bad');
    const run = runCli(['batch', bad, '-s', scenario, '-o', out]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('MSPR_ROSTER_INVALID');
    expect(run.stderr).toContain('  - line 3: team "alpha" appears twice (already line 2)\n');
    expect(run.stderr).toContain('  - line 4: team "../x"');
    expect(run.stderr).toContain('  - line 5: team "omega" has no repository (column dépôt or repo)\n');
    expect(existsSync(join(out, 'batch.sqlite'))).toBe(false);
  });
});
