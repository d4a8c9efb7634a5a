import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Localized } from '../../runner/i18n.js';
import { runSubmission } from '../../runner/run-submission.js';
import { quotaDiskSupport } from '../../runner/sandbox/quota/quota-support.js';
import { loadScenario } from '../../scenarios/load-scenario.js';
import { fixture } from '../helpers/run-cli.js';
import { engineRequiredTest, probeEngine } from './helpers.js';
import { RunTracker } from './leftovers.js';
import { runCliAsync } from './run-cli-async.js';

const engine = await probeEngine();
engineRequiredTest(engine);
const runs = new RunTracker();
const MiB = 2 ** 20;
const temp: string[] = [];

/**
 * The loop-links fixture as a team would push it: a git repository whose commit holds two loop links
 * (`bomb/a → .`, `bomb/b → .`), made here so mspr-lab's own tree holds no loop. Graded through `file://`.
 */
function loopLinksRepository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'mspr-loop-links-'));
  temp.push(repo);
  cpSync(fixture('docker/loop-links'), repo, { recursive: true });
  mkdirSync(join(repo, 'bomb'));
  symlinkSync('.', join(repo, 'bomb', 'a'));
  symlinkSync('.', join(repo, 'bomb', 'b'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Équipe 7', '-c', 'user.email=equipe7@example.org', ...args], { cwd: repo });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'inventaire');
  expect(execFileSync('git', ['ls-files', '-s', 'bomb'], { cwd: repo, encoding: 'utf8' })).toMatch(/^120000 [0-9a-f]+ 0\tbomb\/a\n120000 [0-9a-f]+ 0\tbomb\/b\n$/);
  return repo;
}

describe.skipIf(!engine.ok)('disk quota and loop links, end to end under docker', () => {
  afterAll(async () => {
    await runs.expectNoLeftovers(engine.client);
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  });

  it('committed loop links (bomb/a → ., bomb/b → .): a normal report, no internal error (copy, chown, usage, listing)', async () => {
    const repo = loopLinksRepository();
    const run = await runCliAsync(['check', `file://${repo}`, '--scenario', fixture('scenarios/docker-loop-links.yaml'), '--sandbox', 'docker']);
    expect(run.report, run.stderr).toBeDefined();
    runs.track({ runId: run.report!.runId });
    expect(run.report!.errors).toEqual([]);
    expect(run.report!.steps).toMatchObject([{ id: 'inventaire', status: 'ok', stdoutTail: expect.stringMatching(/^inventaire : \d+ fichiers\n$/) }]);
    expect(run.report!.verdicts.filter((verdict) => verdict.status === 'error')).toEqual([]);
    expect(JSON.stringify(run.report)).not.toMatch(/ELOOP|ENAMETOOLONG/);
    expect(run.exitCode, run.stderr).toBe(0);
  });

  it.skipIf(!quotaDiskSupport().ok)('a step that fills the 32 MiB quota fails on ENOSPC; the next step runs; the report says why', async () => {
    const run = await runCliAsync(['check', fixture('docker/disk-filler'), '--scenario', fixture('scenarios/docker-disk-quota.yaml'), '--sandbox', 'docker']);
    expect(run.report, run.stderr).toBeDefined();
    runs.track({ runId: run.report!.runId });
    expect(run.report!.errors).toEqual([]);
    expect(run.report!.sandbox.notice).toBeUndefined();
    const [exported, report] = run.report!.steps;
    expect(exported).toMatchObject({ id: 'export', status: 'failed', exitCode: 1, timedOut: false });
    expect(exported!.stoppedFor).toBeUndefined(); // the kernel refused the writes; nobody had to stop it
    expect(exported!.diskQuota).toMatchObject({ enforcement: 'filesystem', state: 'reached', limitBytes: 32 * MiB });
    expect(exported!.stdoutTail).toMatch(/^export : (2[89]|3[0-2]) Mio écrits\n$/);
    expect(exported!.stderrTail).toMatch(/OSError: \[Errno 28\] No space left on device[\s\S]*\[mspr-lab\] disk quota reached: the workspace is full \(\d+ MiB written, limit 32 MiB\)/);
    expect(report).toMatchObject({ id: 'rapport', status: 'ok', stdoutTail: 'rapport : terminé\n' });
    expect(report!.diskQuota).toMatchObject({ state: 'reached' }); // still full: said again
    expect(run.exitCode).toBe(1); // steps/succeeded fails on the export step
  });

  it('where the real quota is not used (MSPR_DISK_QUOTA=watch), the report and the terminal say so', async () => {
    const saved = process.env.MSPR_DISK_QUOTA;
    process.env.MSPR_DISK_QUOTA = 'watch';
    const notices: Localized[] = [];
    const workRoot = mkdtempSync(join(tmpdir(), 'mspr-quota-e2e-'));
    temp.push(workRoot);
    try {
      const report = await runSubmission({
        scenario: await loadScenario(fixture('scenarios/docker-loop-links.yaml')),
        source: fixture('docker/loop-links'), // without its loop links: this test is about the notice
        python: '/usr/bin/python3',
        lang: 'en',
        workRoot,
        onProgress: (event) => event.type === 'notice' && notices.push(event.text),
      });
      runs.track({ runId: report.runId });
      expect(report.errors).toEqual([]);
      expect(report.sandbox.notice?.en).toMatch(/^Approximate disk quota: .*MSPR_DISK_QUOTA=watch.*a fast program can pass the quota/);
      expect(report.sandbox.notice?.fr).toMatch(/^Quota disque approximatif : /);
      expect(notices).toContainEqual(report.sandbox.notice);
      expect(report.steps).toMatchObject([{ id: 'inventaire', status: 'ok' }]);
      expect(report.steps[0]!.diskQuota).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.MSPR_DISK_QUOTA;
      else process.env.MSPR_DISK_QUOTA = saved;
    }
  });
});
