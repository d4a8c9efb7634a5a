#!/usr/bin/env node
// A promotion of N fixture teams (git repositories with dated commits: passing ETLs and ones that drop rows),
// graded by `mspr-lab batch` with -j 1 then -j 2 on this machine: wall time, speed-up, the machine's CPU busy
// share over the batch (from /proc/stat: other users of the machine count too, so it is an upper bound of
// ours), the grader's overhead per team beyond the team's own steps (duration − steps time, from the store),
// and the time a resumed batch takes to see that nothing changed.
//
// Usage: npm run build && node bench/batch.mjs [teams=12] [sandbox=local|docker]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const teams = Number(process.argv[2] ?? 12);
const sandbox = process.argv[3] ?? 'local';
const work = mkdtempSync(join(tmpdir(), 'mspr-bench-batch-'));
const FIXTURES = ['etl-pass', 'etl-missing-rows'];

function repo(dir, fixture, date) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'test/fixtures/foundation', fixture), dir, { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 'E', GIT_AUTHOR_EMAIL: 'e@ecole.fr', GIT_COMMITTER_NAME: 'E', GIT_COMMITTER_EMAIL: 'e@ecole.fr', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'rendu']]) execFileSync('git', args, { cwd: dir, env });
}

function cpuTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const numbers = fields.map(Number);
  const idle = numbers[3] + numbers[4];
  return { idle, total: numbers.reduce((a, b) => a + b, 0) };
}

const rows = ['team;source'];
for (let i = 1; i <= teams; i++) {
  const team = `equipe-${String(i).padStart(2, '0')}`;
  repo(join(work, 'depots', team), FIXTURES[i % FIXTURES.length], '2026-06-28T12:00:00+02:00');
  rows.push(`${team};depots/${team}`);
}
writeFileSync(join(work, 'promo.csv'), `${rows.join('\n')}\n`);

function batch(out, jobs) {
  const before = cpuTicks();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(root, 'dist/runner/cli.js'), 'batch', join(work, 'promo.csv'), '-s', join(root, 'test/fixtures/scenarios/foundation-bloc1.yaml'), '-o', out, '-j', String(jobs), '--sandbox', sandbox, '--deadline', '2026-06-30T23:59', '--work-dir', join(work, 'runs'), '--quiet'], { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const after = cpuTicks();
  const busy = 1 - (after.idle - before.idle) / (after.total - before.total);
  if (![0, 1].includes(result.status)) throw new Error(`batch exited ${result.status}: ${result.stderr}`);
  return { wallMs, busy };
}

function overheads(out) {
  const db = new Database(join(out, 'batch.sqlite'), { readonly: true });
  const runs = db.prepare('SELECT duration_ms AS d, steps_ms AS s FROM runs').all();
  db.close();
  const over = runs.map((r) => r.d - r.s);
  const share = runs.map((r) => (r.d - r.s) / Math.max(1, r.s));
  const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
  return { meanOverheadMs: mean(over), meanShare: mean(share), meanStepsMs: mean(runs.map((r) => r.s)) };
}

mkdirSync(join(work, 'runs'));
console.log(`${teams} teams, ${sandbox} sandbox, ${availableParallelism()} cores`);
const results = {};
for (const jobs of [1, 2]) {
  const out = join(work, `out-j${jobs}`);
  const { wallMs, busy } = batch(out, jobs);
  const o = overheads(out);
  results[jobs] = wallMs;
  console.log(`-j ${jobs}: wall ${(wallMs / 1000).toFixed(1)} s, ${(wallMs / teams / 1000).toFixed(2)} s/team, CPU busy ${(busy * 100).toFixed(0)} % of the machine, steps ${(o.meanStepsMs / 1000).toFixed(2)} s/team, overhead beyond steps ${(o.meanOverheadMs / 1000).toFixed(2)} s/team (${(o.meanShare * 100).toFixed(0)} % of the steps)`);
  if (jobs === 2) {
    const resumed = batch(out, jobs);
    console.log(`resume with nothing changed: ${(resumed.wallMs / 1000).toFixed(2)} s (${(resumed.wallMs / teams).toFixed(0)} ms/team)`);
  }
}
console.log(`speed-up -j 2 over -j 1: ${(results[1] / results[2]).toFixed(2)}×`);
rmSync(work, { recursive: true, force: true });
