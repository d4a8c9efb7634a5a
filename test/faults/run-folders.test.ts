import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../runner/paths.js';
import { OWNER_FILE } from '../../runner/workdir/run-folder.js';
import { candidateRepo, cli, cliEnv, entries, privateRoot, scenarioRunning, startCli, waitFor } from './helpers.js';

/**
 * Run folders (the candidate's copy, datasets, trace) after kill -9, Ctrl-C, SIGTERM and crashes: the real
 * CLI as a child, in a private work root (never /tmp/mspr-lab, where other runs live).
 */
const root = privateRoot('folders');
/**
 * `cleanup` without `--run` also sweeps every labelled docker container on the machine, other people's
 * running grades included: these tests point it at no engine, so only the run folders are touched.
 */
const NO_DOCKER = { DOCKER_HOST: 'unix:///nonexistent/mspr-faults-docker.sock' };
const cleanupEnv = (work: string) => cliEnv(work, NO_DOCKER);
const repo = candidateRepo(root);
const strays: number[] = [];

/** A scenario whose step writes its pid to `marker` and then waits: the run is mid-step once it exists. */
function waitingScenario(name: string, marker: string): string {
  return scenarioRunning(root, name, `import os, time\nopen(${JSON.stringify(marker)}, "w").write(str(os.getpid()))\ntime.sleep(600)`);
}

function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
  } catch {
    return false;
  }
}

afterAll(() => {
  for (const pid of strays) if (running(pid)) process.kill(pid, 'SIGKILL');
});

describe('run folders say who owns them', () => {
  it('a folder holds the owner file (pid and start time of the mspr-lab process) while the run lives', async () => {
    const work = join(root, 'owner');
    const marker = join(root, 'owner.pid');
    const run = startCli(['check', repo, '-s', waitingScenario('owner', marker), '--out', join(root, 'out-owner'), '--quiet'], cliEnv(work));
    await waitFor(() => existsSync(marker), 120_000, 'the step');
    const [folder] = entries(work);
    const owner = JSON.parse(readFileSync(join(work, folder!, OWNER_FILE), 'utf8'));
    const stat = readFileSync(`/proc/${run.child.pid}/stat`, 'utf8');
    expect(owner).toMatchObject({ tool: 'mspr-lab', runId: folder, pid: run.child.pid, startTime: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] });
    run.child.kill('SIGTERM');
    expect((await run.done).code).toBe(143);
  });
});

describe('kill -9, then cleanup: exactly the dead run’s folder goes', () => {
  it('removes the killed run’s folder and not the one of a run still going', async () => {
    const work = join(root, 'kill9');
    const env = cliEnv(work);
    const [killedMarker, aliveMarker] = [join(root, 'killed.pid'), join(root, 'alive.pid')];
    const killed = startCli(['check', repo, '-s', waitingScenario('killed', killedMarker), '--out', join(root, 'out-killed'), '--quiet'], env);
    await waitFor(() => existsSync(killedMarker), 120_000, 'the first run’s step');
    const killedFolder = entries(work)[0]!;
    const alive = startCli(['check', repo, '-s', waitingScenario('alive', aliveMarker), '--out', join(root, 'out-alive'), '--quiet'], env);
    await waitFor(() => existsSync(aliveMarker), 120_000, 'the second run’s step');
    const aliveFolder = entries(work).find((name) => name !== killedFolder)!;

    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    // The step of a kill -9'd grader outlives it (nothing was left to end it); the test ends it.
    strays.push(Number(readFileSync(killedMarker, 'utf8')));
    expect(entries(work)).toEqual([killedFolder, aliveFolder].sort());

    const cleanup = cli(['cleanup', '--work-dir', work], cleanupEnv(work));
    expect(cleanup.exitCode, cleanup.stderr).toBe(0);
    expect(cleanup.stdout).toContain('Docker unreachable: containers not checked.');
    expect(cleanup.stdout).toContain(`run folder ${join(work, killedFolder)}\n`);
    expect(cleanup.stdout).toContain(`kept (running, pid ${alive.child.pid}): ${join(work, aliveFolder)}\n`);
    expect(entries(work)).toEqual([aliveFolder]);
    expect(existsSync(join(work, aliveFolder, 'workspace', 'README.md'))).toBe(true);

    // Named explicitly, a running run is still refused.
    const named = cli(['cleanup', '--run', aliveFolder, '--work-dir', work], cleanupEnv(work));
    expect(named.stdout).toContain(`kept (running, pid ${alive.child.pid})`);
    expect(entries(work)).toEqual([aliveFolder]);

    // SIGINT (Ctrl-C): the run ends its step and removes its own folder.
    alive.child.kill('SIGINT');
    const ended = await alive.done;
    expect(ended.code).toBe(130);
    expect(ended.stderr).toContain('SIGINT');
    expect(entries(work)).toEqual([]);
    expect(running(Number(readFileSync(aliveMarker, 'utf8')))).toBe(false);
  });

  it('SIGTERM (CI cancelling the job): the folder is removed and the step ended', async () => {
    const work = join(root, 'sigterm');
    const marker = join(root, 'sigterm.pid');
    const run = startCli(['check', repo, '-s', waitingScenario('sigterm', marker), '--out', join(root, 'out-sigterm'), '--quiet'], cliEnv(work));
    await waitFor(() => existsSync(marker), 120_000, 'the step');
    expect(entries(work)).toHaveLength(1);
    run.child.kill('SIGTERM');
    expect((await run.done).code).toBe(143);
    expect(entries(work)).toEqual([]);
    expect(running(Number(readFileSync(marker, 'utf8')))).toBe(false);
  });
});

describe('crashes and --keep-workspace', () => {
  it('an uncaught error after the folder was made still removes it (Node’s exit event)', () => {
    const work = join(root, 'crash');
    const module = packagePath('dist/runner/workdir/run-folder.js');
    const crash = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(module)}); m.createRunFolder(${JSON.stringify(work)}, 'crashed-run'); setTimeout(() => { throw new Error('boom'); }, 10);`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(crash.status).toBe(1);
    expect(crash.stderr).toContain('Error: boom');
    expect(entries(work)).toEqual([]);
  });

  it('a kept workspace survives `cleanup`, and goes with `cleanup --run <id>`', () => {
    const work = join(root, 'kept');
    const env = cliEnv(work);
    const run = cli(['check', repo, '-s', scenarioRunning(root, 'kept', 'print(1)'), '--keep-workspace', '--out', join(root, 'out-kept'), '--quiet'], env);
    expect(run.exitCode, run.stderr).toBe(0);
    const [folder] = entries(work);
    expect(JSON.parse(readFileSync(join(work, folder!, OWNER_FILE), 'utf8'))).toMatchObject({ kept: true });
    const sweep = cli(['cleanup', '--work-dir', work], cleanupEnv(work));
    expect(sweep.stdout).toContain('1 folder kept by --keep-workspace: remove them with --run <id>.');
    expect(entries(work)).toEqual([folder]);
    const named = cli(['cleanup', '--run', folder!, '--work-dir', work], cleanupEnv(work));
    expect(named.stdout).toContain(`run folder ${join(work, folder!)}\n`);
    expect(entries(work)).toEqual([]);
  });

  it('a folder without an owner file (older mspr-lab) is left alone unless named', () => {
    const work = join(root, 'legacy');
    execFileSync('mkdir', ['-p', join(work, '20260101-000000-old-run-ab12', 'workspace')]);
    const env = cleanupEnv(work);
    expect(cli(['cleanup', '--work-dir', work], env).stdout).toContain('1 folder with no known owner (older version?): remove them with --run <id>.');
    expect(entries(work)).toEqual(['20260101-000000-old-run-ab12']);
    expect(cli(['cleanup', '--run', '20260101-000000-old-run-ab12', '--work-dir', work], env).exitCode).toBe(0);
    expect(entries(work)).toEqual([]);
  });
});
