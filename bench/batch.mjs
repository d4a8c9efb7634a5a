#!/usr/bin/env node
// A promotion of N fixture teams (git repositories with dated commits: passing ETLs and ones that drop rows),
// graded by `mspr-lab batch` with -j 1 then -j 2, in the local and the docker sandbox, then judged again by
// `mspr-lab regrade` (a copy of the scenario with one check option changed). Printed side by side:
// - wall time, s/team, speed-up of -j 2 over -j 1;
// - CPU busy share over the batch: of the whole machine (/proc/stat; other users of the machine count too, so an
//   upper bound of ours) and of this batch's own process tree (children's user+system time / wall / cores; the
//   docker sandbox's containers are the engine's children, not ours, so they are missing from it);
// - the grader's overhead per team beyond the team's own steps (duration − steps time, from the store);
// - the time a resumed batch takes to see that nothing changed, and regrade's time for the N teams.
// No assertion: figures only (the machine is shared).
//
// Usage: npm run build && node bench/batch.mjs [teams=12] [sandboxes=local,docker] [dockerTeams=teams]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const teams = Number(process.argv[2] ?? 12);
const sandboxes = (process.argv[3] ?? 'local,docker').split(',');
const dockerTeams = Number(process.argv[4] ?? teams);
const cores = availableParallelism();
const work = mkdtempSync(join(process.env.MSPR_WORK_DIR ?? tmpdir(), 'mspr-bench-batch-'));
const FIXTURES = ['etl-pass', 'etl-missing-rows'];
const SCENARIO = join(root, 'test/fixtures/scenarios/foundation-bloc1.yaml');
// The regrade's scenario: the same, with row drops the trace explains accepted (changes the etl-missing-rows teams).
const TOLERANT = join(work, 'bloc1-tolerant.yaml');
writeFileSync(TOLERANT, readFileSync(SCENARIO, 'utf8').replace('allowReportedDrops: false', 'allowReportedDrops: true'));

function repo(dir, fixture, date) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'test/fixtures/foundation', fixture), dir, { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 'E', GIT_AUTHOR_EMAIL: 'e@ecole.fr', GIT_COMMITTER_NAME: 'E', GIT_COMMITTER_EMAIL: 'e@ecole.fr', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'rendu']]) execFileSync('git', args, { cwd: dir, env });
}

function machineTicks() {
  const numbers = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: numbers[3] + numbers[4], total: numbers.reduce((a, b) => a + b, 0) };
}

/** This process's waited-for children's CPU, in clock ticks (cutime + cstime of /proc/self/stat). */
function childTicks() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return Number(fields[13]) + Number(fields[14]);
}
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

function roster(count) {
  const file = join(work, `promo-${count}.csv`);
  const rows = ['team;source'];
  for (let i = 1; i <= count; i++) rows.push(`equipe-${String(i).padStart(2, '0')};depots/equipe-${String(i).padStart(2, '0')}`);
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

function timed(args) {
  const before = { machine: machineTicks(), ours: childTicks() };
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(root, 'dist/runner/cli.js'), ...args, '--quiet'], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const machine = machineTicks();
  if (![0, 1].includes(result.status)) throw new Error(`${args[0]} exited ${result.status}: ${result.stderr}`);
  return {
    wallMs,
    machineBusy: 1 - (machine.idle - before.machine.idle) / (machine.total - before.machine.total),
    oursBusy: (childTicks() - before.ours) / TICKS_PER_SECOND / (wallMs / 1000) / cores,
    // CPU seconds of our tree: what the work costs, whatever else the machine is doing (wall time is not).
    cpuMs: ((childTicks() - before.ours) / TICKS_PER_SECOND) * 1000,
    stdout: result.stdout,
  };
}

function overheads(out) {
  const db = new Database(join(out, 'batch.sqlite'), { readonly: true });
  const runs = db.prepare('SELECT duration_ms AS d, steps_ms AS s FROM runs').all();
  db.close();
  const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
  return { overheadMs: mean(runs.map((r) => r.d - r.s)), share: mean(runs.map((r) => (r.d - r.s) / Math.max(1, r.s))), stepsMs: mean(runs.map((r) => r.s)) };
}

for (let i = 1; i <= teams; i++) repo(join(work, 'depots', `equipe-${String(i).padStart(2, '0')}`), FIXTURES[i % FIXTURES.length], '2026-06-28T12:00:00+02:00');
mkdirSync(join(work, 'runs'));
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const pct = (x) => `${Math.round(x * 100)} %`;
const columns = [];
for (const sandbox of sandboxes) {
  const count = sandbox === 'docker' ? Math.min(dockerTeams, teams) : teams;
  const list = roster(count);
  const walls = {};
  for (const jobs of [1, 2]) {
    const out = join(work, `out-${sandbox}-j${jobs}`);
    const run = timed(['batch', list, '-s', SCENARIO, '-o', out, '-j', String(jobs), '--sandbox', sandbox, '--deadline', '2026-06-30T23:59', '--work-dir', join(work, 'runs')]);
    walls[jobs] = run.wallMs;
    const o = overheads(out);
    const column = { name: `${sandbox} -j ${jobs} (${count} teams)`, wall: s(run.wallMs), perTeam: s(run.wallMs / count), speedUp: '', machine: pct(run.machineBusy), ours: pct(run.oursBusy), cpu: `${s(run.cpuMs / count)}/team`, steps: s(o.stepsMs), overhead: `${s(o.overheadMs)} (${pct(o.share)} of steps)`, resume: '', regrade: '', regradeCpu: '', changed: '' };
    if (jobs === 2) {
      column.speedUp = `${(walls[1] / walls[2]).toFixed(2)}×`;
      const resumed = timed(['batch', list, '-s', SCENARIO, '-o', out, '-j', '2', '--sandbox', sandbox, '--deadline', '2026-06-30T23:59', '--work-dir', join(work, 'runs')]);
      column.resume = `${s(resumed.wallMs)} (${Math.round(resumed.wallMs / count)} ms/team)`;
      const regrade = timed(['regrade', out, '-s', TOLERANT]);
      column.regrade = `${s(regrade.wallMs)} (${Math.round(regrade.wallMs / count)} ms/team)`;
      column.regradeCpu = `${s(regrade.cpuMs)} (${Math.round(regrade.cpuMs / count)} ms/team)`;
      column.changed = (regrade.stdout.match(/^(\d+) verdict\(s\) changed/m)?.[1] ?? '0') + ' verdicts';
    }
    columns.push(column);
    console.error(`done: ${column.name}`);
  }
}

const ROWS = [
  ['wall time', 'wall'],
  ['per team', 'perTeam'],
  ['speed-up -j 2 / -j 1', 'speedUp'],
  ['CPU busy, machine', 'machine'],
  ['CPU busy, our tree', 'ours'],
  ['CPU time, our tree', 'cpu'],
  ['steps per team', 'steps'],
  ['overhead per team', 'overhead'],
  ['resume, nothing changed', 'resume'],
  ['regrade (option changed)', 'regrade'],
  ['regrade CPU time', 'regradeCpu'],
  ['regrade changed', 'changed'],
];
const width = Math.max(...columns.map((c) => Math.max(c.name.length, ...ROWS.map(([, key]) => String(c[key]).length))));
console.log(`${cores} cores, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} at the end`);
console.log(['', ...columns.map((c) => c.name)].map((cell, i) => (i === 0 ? cell.padEnd(26) : cell.padEnd(width))).join(' | '));
for (const [label, key] of ROWS) console.log([label.padEnd(26), ...columns.map((c) => String(c[key]).padEnd(width))].join(' | '));
rmSync(work, { recursive: true, force: true });
