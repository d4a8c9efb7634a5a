import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { gitTeamRepo } from '../helpers/git-team-repo.js';
import { fixture, runCli } from '../helpers/run-cli.js';

/**
 * `mspr-lab regrade` on a real batch: git repositories with dated commits, the real CLI, real Python in the
 * local sandbox for the batch; the regrade runs no team code (its steps would take seconds: it takes none).
 */
const DEADLINE = '2026-06-30T23:59';
let root: string;
let roster: string;
let strict: string;
let tolerant: string;
let graded: string;

type Row = Record<string, string>;
const gradebook = (out: string): Row[] => parse(readFileSync(join(out, 'gradebook.csv'), 'utf8').replace(/^\ufeff/, ''), { columns: true, delimiter: ';' }) as Row[];
const byTeam = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.team, r]));
const runs = (out: string) => {
  const db = new Database(join(out, 'batch.sqlite'), { readonly: true });
  try {
    return Object.fromEntries((db.prepare('SELECT team, gradings, regraded_at, scenario_digest FROM runs').all() as Array<{ team: string; gradings: number; regraded_at: string | null; scenario_digest: string }>).map((r) => [r.team, r]));
  } finally {
    db.close();
  }
};
const work = () => mkdtempSync(join(tmpdir(), 'mspr-regrade-work-'));
const batch = (out: string, scenario: string, extra: string[] = []) =>
  runCli(['batch', roster, '-s', scenario, '--deadline', DEADLINE, '-o', out, '--sandbox', 'local', '--csv-dialect', 'excel-fr', '-j', '2', '--work-dir', work(), '--quiet', ...extra]);
const regrade = (out: string, extra: string[] = []) => runCli(['regrade', out, ...extra]);
const copyOf = (out: string, name: string) => {
  const copy = join(root, name);
  cpSync(out, copy, { recursive: true });
  return copy;
};

function promotion(): void {
  root = mkdtempSync(join(tmpdir(), 'mspr-regrade-promo-'));
  const repos = join(root, 'depots');
  mkdirSync(repos);
  gitTeamRepo(join(repos, 'alpha'), [
    { date: '2026-06-20T10:00:00+02:00', message: 'ETL complet', from: fixture('foundation/etl-pass') },
    { date: '2026-07-02T09:00:00+02:00', message: 'oubli', files: { 'src/main.py': 'raise SystemExit("cassé après la date limite")\n' } },
  ]);
  gitTeamRepo(join(repos, 'beta'), [{ date: '2026-06-28T18:00:00+02:00', message: 'chargement', from: fixture('foundation/etl-missing-rows') }]);
  gitTeamRepo(join(repos, 'gamma'), [{ date: '2026-06-29T08:00:00+02:00', message: 'rendu', from: fixture('foundation/etl-pass') }]);
  roster = join(root, 'promo.csv');
  writeFileSync(roster, '\ufefféquipe;dépôt;membres\r\nalpha;depots/alpha;Inès Durand\r\nbeta;depots/beta;Chloé Petit\r\ngamma;depots/gamma;Hugo Bernard\r\ndelta;file:///nonexistent/delta.git;Zoé Roux\r\n');
  // The foundation scenario (strict row counts), and a copy where one check option changes: drops the trace
  // explains are accepted. Only beta drops rows (duplicates, with pandas): only its row count verdict may move.
  const text = readFileSync(fixture('scenarios/foundation-bloc1.yaml'), 'utf8');
  strict = join(root, 'bloc1.yaml');
  writeFileSync(strict, text);
  tolerant = join(root, 'bloc1-tolerant.yaml');
  writeFileSync(tolerant, text.replace('allowReportedDrops: false', 'allowReportedDrops: true'));
  graded = join(root, 'out-strict');
  const run = batch(graded, strict);
  expect(run.exitCode, run.stderr).toBe(2);
}

describe('mspr-lab regrade', () => {
  beforeAll(promotion, 600_000);

  it('with the same scenario: every graded team judged again, no verdict changed, the gradebook as it was', () => {
    const out = copyOf(graded, 'out-same');
    const before = gradebook(out);
    const run = regrade(out, ['--lang', 'fr']);
    expect(run.exitCode, run.stderr).toBe(2); // delta still has no result
    expect(run.stdout).toContain('Aucun verdict changé ; 3 équipes réévaluées, 1 non réévaluée.');
    expect(run.stdout).toMatch(/^delta +non réévaluée: rien à réévaluer, l’exécution n’a pas atteint ses vérifications \(Impossible de récupérer file:\/\/\/nonexistent\/delta\.git : fatal: /m);
    expect(run.stderr).toMatch(/^↻ \[1\/4\] alpha: pass 6\/6, inchangée \(\d+(,\d+)? m?s\)$/m);
    expect(run.stderr).toMatch(/^↻ \[2\/4\] beta: fail 3\/6, inchangée/m);
    expect(run.stderr).toMatch(/^✘ \[4\/4\] delta: non réévaluée — /m);
    // The gradebook is written in the regrade's language, as a batch writes it in its own: in English again, as it was.
    expect(gradebook(out)[0]).toMatchObject({ équipe: 'alpha', statut: 'réussi' });
    const english = regrade(out);
    expect(english.stdout).toContain('No verdict changed; 3 teams re-graded, 1 not re-graded.');
    expect(gradebook(out)).toEqual(before);
    const state = runs(out);
    expect(Object.fromEntries(Object.entries(state).map(([team, r]) => [team, r.gradings]))).toEqual({ alpha: 1, beta: 1, gamma: 1, delta: 1 });
    expect(state.alpha!.regraded_at).not.toBeNull();
    expect(state.delta!.regraded_at).toBeNull(); // nothing was done to it
    const written = JSON.parse(readFileSync(join(out, 'regrade.json'), 'utf8'));
    expect(written.teams.map((t: { team: string; outcome: string; changes: unknown[] }) => [t.team, t.outcome, t.changes.length])).toEqual([['alpha', 'regraded', 0], ['beta', 'regraded', 0], ['gamma', 'regraded', 0], ['delta', 'not-regraded', 0]]);
  }, 300_000);

  it('after a check option changed: exactly the affected verdicts change, listed; the gradebook equals a fresh batch with that scenario', () => {
    const out = copyOf(graded, 'out-tolerant');
    const run = regrade(out, ['-s', tolerant]);
    expect(run.exitCode, run.stderr).toBe(2);
    const written = JSON.parse(readFileSync(join(out, 'regrade.json'), 'utf8'));
    const changes = written.teams.flatMap((t: { team: string; changes: Array<Record<string, unknown>> }) => t.changes.map((c) => ({ team: t.team, ...c })));
    expect(changes).toEqual([{ team: 'beta', check: 'db/rows-match-source', before: { status: 'fail', points: 0, weight: 3 }, after: { status: 'pass', points: 3, weight: 3 } }]);
    expect(written.teams.find((t: { team: string }) => t.team === 'beta')).toMatchObject({ statusBefore: 'fail', statusAfter: 'pass', scoreBefore: 3, scoreAfter: 6 });
    expect(run.stdout).toMatch(/^beta +db\/rows-match-source {2}fail → pass {2}\(0\/3 → 3\/3\) {2}score 3\/6 → 6\/6$/m);
    expect(run.stdout).toContain('1 verdict changed; 3 teams re-graded, 1 not re-graded.');
    expect(run.stderr).toMatch(/^↻ \[2\/4\] beta: fail 3\/6 → pass 6\/6, 1 verdict changed/m);
    expect(readFileSync(join(out, 'regrade.csv'), 'utf8')).toContain('beta;db/rows-match-source;fail;pass;0/3;3/3;3/6;6/6;');

    // The team's reports are rendered again from the new verdicts, and say they were re-graded, not re-run.
    const report = JSON.parse(readFileSync(join(out, 'teams', 'beta', 'report.json'), 'utf8'));
    expect(report.summary).toMatchObject({ status: 'pass', score: 6, maxScore: 6 });
    expect(report.verdicts.find((v: { id: string }) => v.id === 'db/rows-match-source')).toMatchObject({ status: 'pass', messageKey: 'passDropped' });
    expect(report.assumptions.at(-1).en).toMatch(/^Re-graded on the kept evidence of run .+, without running the team’s code again \(scenario .*bloc1-tolerant\.yaml\)\.$/);
    expect(readFileSync(join(out, 'teams', 'beta', 'report.md'), 'utf8')).toContain('Re-graded on the kept evidence');
    const state = runs(out);
    expect(state.beta!.gradings).toBe(1);

    // A fresh batch with the changed scenario gives the same gradebook (no verdict here needs a re-run).
    const fresh = join(root, 'out-fresh-tolerant');
    expect(batch(fresh, tolerant).exitCode).toBe(2);
    expect(gradebook(out)).toEqual(gradebook(fresh));
    expect(byTeam(gradebook(out)).beta).toMatchObject({ status: 'pass', score: '6', 'db/rows-match-source': 'pass', 'C1.9': 'achieved' });
    // The reason of the team that could not be cloned names the repository, never the grader's scratch folder.
    expect(byTeam(gradebook(out)).delta!.reason).toBe("Cannot fetch file:///nonexistent/delta.git: fatal: '/nonexistent/delta.git' does not appear to be a git repository fatal: Could not read from remote repository.");

    // The regraded batch now stands for the new scenario: the same batch command grades nobody again but delta.
    const resumed = batch(out, tolerant);
    expect(resumed.exitCode).toBe(2);
    expect(Object.fromEntries(Object.entries(runs(out)).map(([team, r]) => [team, r.gradings]))).toEqual({ alpha: 1, beta: 1, gamma: 1, delta: 2 });
  }, 600_000);

  it('a team whose kept evidence is missing or corrupt gets a row saying why; the others are re-graded', () => {
    const out = copyOf(graded, 'out-broken');
    const before = byTeam(gradebook(out));
    rmSync(join(out, 'teams', 'alpha', 'evidence'), { recursive: true });
    writeFileSync(join(out, 'teams', 'gamma', 'evidence', 'trace.json'), '{"available": true, "events": [');
    const run = regrade(out, ['-s', tolerant]);
    expect(run.exitCode).toBe(2);
    const rows = byTeam(gradebook(out));
    expect(rows.alpha).toMatchObject({ status: 'error', score: '6', 'db/rows-match-source': 'pass' });
    expect(rows.alpha!.reason).toBe(`Cannot re-grade team alpha: no kept evidence (${join(out, 'teams', 'alpha', 'evidence')}). The verdicts shown are those of the earlier grading.`);
    expect(rows.gamma!.status).toBe('error');
    expect(rows.gamma!.reason).toMatch(/^Cannot re-grade team gamma: kept evidence unreadable \(trace\.json: .+\)\. The verdicts shown are those of the earlier grading\.$/);
    expect(rows.beta).toMatchObject({ status: 'pass', 'db/rows-match-source': 'pass' });
    expect(rows.delta).toEqual(before.delta);
    expect(run.stdout).toMatch(/^alpha +not re-graded: Cannot re-grade team alpha: no kept evidence/m);
    expect(run.stdout).toContain('1 verdict changed; 1 team re-graded, 3 not re-graded.');
    // Those teams keep the scenario they were graded with: the next batch with the new one runs exactly them.
    const state = runs(out);
    expect(state.alpha!.scenario_digest).not.toBe(state.beta!.scenario_digest);
    expect(state.gamma!.scenario_digest).toBe(state.alpha!.scenario_digest);
  }, 300_000);

  it('a scenario whose steps or datasets changed is not applied to kept evidence: every team says it needs a run', () => {
    const out = copyOf(graded, 'out-steps');
    const before = gradebook(out);
    const longer = join(root, 'bloc1-longer.yaml');
    writeFileSync(longer, readFileSync(strict, 'utf8').replace('timeoutSec: 300', 'timeoutSec: 600').replace('path: boutique/objectifs.xlsx', 'path: boutique/ventes.csv\n    as: objectifs.xlsx'));
    const run = regrade(out, ['-s', longer, '--team', 'beta']);
    expect(run.exitCode).toBe(2);
    const beta = byTeam(gradebook(out)).beta!;
    expect(beta.status).toBe('error');
    expect(beta.reason).toBe('Not re-graded: the scenario’s sandbox changed (limits, image or network); dataset changed: objectifs.xlsx. The team’s outputs would have been different; run it again: mspr-lab batch … --team beta. The verdicts shown are those of the earlier grading.');
    expect(beta['db/rows-match-source']).toBe('fail');
    // --team: the others are left as they were.
    expect(byTeam(gradebook(out)).alpha).toEqual(byTeam(before).alpha);
    expect(run.stdout).toContain('No verdict changed; 0 teams re-graded, 1 not re-graded.');
  }, 300_000);

  it('refuses a folder that holds no batch, creating nothing there', () => {
    const empty = mkdtempSync(join(tmpdir(), 'mspr-regrade-empty-'));
    const run = regrade(empty, ['-s', strict]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('MSPR_BATCH_INVALID');
    expect(run.stderr).toContain(`No batch in ${empty} (no batch.sqlite).`);
    expect(existsSync(join(empty, 'batch.sqlite'))).toBe(false);
  });
});
