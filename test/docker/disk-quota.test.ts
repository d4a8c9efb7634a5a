import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../runner/paths.js';
import type { DockerBackendOptions } from '../../runner/sandbox/docker/docker-backend.js';
import { measureUsage } from '../../runner/sandbox/quota/disk-usage.js';
import { quotaDiskSupport } from '../../runner/sandbox/quota/quota-support.js';
import type { ExecResult, Sandbox } from '../../runner/sandbox/sandbox.js';
import { TEST_LIMITS, backendFor, engineRequiredTest, makeSpec, probeEngine } from './helpers.js';
import { RunTracker } from './leftovers.js';

const engine = await probeEngine();
engineRequiredTest(engine);
const runs = new RunTracker();
const MiB = 2 ** 20;
const QUOTA_MB = 48;
const realQuota = quotaDiskSupport().ok;
const fixture = (name: string) => packagePath('test/fixtures/hostile', name);

/** A sandbox with the quota fixtures in its workspace; `fn` runs in it, and everything is disposed after. */
async function withSandbox<T>(options: DockerBackendOptions, fn: (sandbox: Sandbox, workspace: string) => Promise<T>): Promise<T> {
  const { spec, root, cleanup } = await makeSpec({ limits: TEST_LIMITS });
  runs.track(spec);
  for (const name of ['fill_quota.py', 'deep_tree.py']) copyFileSync(fixture(name), join(spec.workspaceDir, name));
  const sandbox = await backendFor(engine, { limits: { workspaceQuotaMb: QUOTA_MB }, ...options }).start(spec);
  try {
    return await fn(sandbox, spec.workspaceDir);
  } finally {
    await sandbox.dispose();
    // GNU rm walks a tree deeper than PATH_MAX (deep_tree.py); Node's rm would not.
    execFileSync('rm', ['-rf', '--one-file-system', root]);
    await cleanup();
  }
}

function report(result: ExecResult): { written: number; errno: string | null } {
  const line = result.stdout.text.trim().split('\n')[0] ?? '';
  expect(line, result.stderr.text).toMatch(/^\{/);
  return JSON.parse(line) as { written: number; errno: string | null };
}

describe.skipIf(!engine.ok)('workspace disk quota under the docker sandbox', () => {
  afterAll(async () => {
    // No container, network, loop device or mount of any of these runs is left.
    await runs.expectNoLeftovers(engine.client);
  });

  describe.skipIf(!realQuota)('a filesystem of the quota size (root, loop devices)', () => {
    it('the kernel refuses writes at the quota (ENOSPC), the step ends by itself, the sandbox goes on', async () => {
      await withSandbox({}, async (sandbox, workspace) => {
        expect(sandbox.notice).toBeUndefined(); // a real quota: nothing to warn about
        const result = await sandbox.exec([sandbox.python, 'fill_quota.py', 'plain'], { timeoutMs: 120_000 });
        const { written, errno } = report(result);
        expect(errno).toBe('ENOSPC');
        // What the kernel enforces: never past the quota, and at most a small fixed slack before it (the files'
        // own metadata, and ext4's allocator margin: 1 MiB measured).
        expect(written).toBeLessThanOrEqual(QUOTA_MB * MiB);
        expect(written).toBeGreaterThanOrEqual((QUOTA_MB - 2) * MiB);
        expect(result).toMatchObject({ exitCode: 0, timedOut: false, signal: null });
        expect(result.stoppedFor).toBeUndefined();
        expect(result.diskQuota).toMatchObject({ enforcement: 'filesystem', state: 'reached', limitBytes: QUOTA_MB * MiB });
        expect(result.diskQuota!.usedBytes).toBeGreaterThanOrEqual((QUOTA_MB - 2) * MiB);
        expect(result.stderr.text).toMatch(/\[mspr-lab\] quota disque atteint : .*\n\[mspr-lab\] disk quota reached: the workspace is full \(4[678] MiB written, limit 48 MiB\), further writes were refused \(ENOSPC\)\n$/);
        // The host measures what is there (ext4 on ext4: the same blocks).
        expect((await measureUsage([workspace])).bytes).toBeGreaterThanOrEqual((QUOTA_MB - 2) * MiB);
        const next = await sandbox.exec([sandbox.python, '-c', 'print("next step")'], { timeoutMs: 30_000 });
        expect(next).toMatchObject({ exitCode: 0, stdout: { text: 'next step\n' } });
      });
    });

    it('a loop-link bomb (bomb/a → ., bomb/b → .) made at run time, then writing through it, stops at the quota', async () => {
      await withSandbox({}, async (sandbox, workspace) => {
        const result = await sandbox.exec([sandbox.python, 'fill_quota.py', 'bomb'], { timeoutMs: 120_000 });
        const { written, errno } = report(result);
        expect(errno).toBe('ENOSPC');
        expect(written).toBeLessThanOrEqual(QUOTA_MB * MiB);
        expect(result.diskQuota).toMatchObject({ enforcement: 'filesystem', state: 'reached' });
        const usage = await measureUsage([workspace]);
        expect(usage.bytes).toBeGreaterThanOrEqual((QUOTA_MB - 2) * MiB);
        expect(usage.bytes).toBeLessThan((QUOTA_MB + 1) * MiB);
      });
    });
  });

  describe('the fallback watch (forced: diskQuota "watch")', () => {
    it('says in a notice that the quota is only a watch', async () => {
      await withSandbox({ diskQuota: 'watch' }, async (sandbox) => {
        expect(sandbox.notice?.en).toMatch(/^Approximate disk quota: the workspace could not be placed on a filesystem of the quota's size \(disabled by the setting MSPR_DISK_QUOTA=watch\)\. A watch measures/);
        expect(sandbox.notice?.fr).toMatch(/^Quota disque approximatif : /);
      });
    });

    it('stops a writer going through a loop-link bomb: the walk counts the bytes, never ELOOP as 0', async () => {
      await withSandbox({ diskQuota: 'watch', diskCheckMs: 200 }, async (sandbox, workspace) => {
        // Writes 4 times the quota then waits: the watch is bound to see it over, however slow its passes.
        const result = await sandbox.exec([sandbox.python, 'fill_quota.py', 'bomb', String(4 * QUOTA_MB), 'hold'], { timeoutMs: 600_000 });
        expect(result).toMatchObject({ timedOut: false, exitCode: null, signal: 'SIGKILL' });
        expect(result.stoppedFor).toMatch(/^disk-quota: stopped: \d+ MiB written in the workspace, limit 48 MiB$/);
        expect(result.stderr.text).toMatch(/\[mspr-lab\] arrêté : \d+ Mio écrits dans l'espace de travail, limite 48 Mio\n\[mspr-lab\] stopped: \d+ MiB written in the workspace, limit 48 MiB\n$/);
        expect(result.diskQuota).toMatchObject({ enforcement: 'watch', state: 'exceeded', limitBytes: QUOTA_MB * MiB });
        expect(result.diskQuota!.usedBytes).toBeGreaterThan(QUOTA_MB * MiB);
        expect((await measureUsage([workspace])).bytes).toBeGreaterThan(QUOTA_MB * MiB);
      });
    });

    it('reports an overshoot made between two passes by a writer that exited first', async () => {
      // No pass can happen during the step (10-minute interval): only the measurement after it sees the files.
      await withSandbox({ diskQuota: 'watch', diskCheckMs: 600_000 }, async (sandbox) => {
        const result = await sandbox.exec([sandbox.python, 'fill_quota.py', 'plain', String(QUOTA_MB + 8)], { timeoutMs: 120_000 });
        expect(report(result)).toEqual({ written: (QUOTA_MB + 8) * MiB, errno: null });
        expect(result).toMatchObject({ exitCode: 0, signal: null, timedOut: false });
        expect(result.stoppedFor).toBeUndefined();
        expect(result.diskQuota).toMatchObject({ enforcement: 'watch', state: 'exceeded', limitBytes: QUOTA_MB * MiB });
        expect(result.diskQuota!.usedBytes).toBeGreaterThanOrEqual((QUOTA_MB + 8) * MiB);
        expect(result.stderr.text).toMatch(/\[mspr-lab\] disk quota passed: 56 MiB written in the workspace, limit 48 MiB \(measured when the step ended\)\n$/);
      });
    });

    it('stops a step whose tree cannot be measured (deeper than PATH_MAX) instead of counting it as 0', async () => {
      await withSandbox({ diskQuota: 'watch', diskCheckMs: 200 }, async (sandbox) => {
        const result = await sandbox.exec([sandbox.python, 'deep_tree.py'], { timeoutMs: 600_000 });
        expect(result.stdout.text).toBe('deep tree written\n');
        expect(result).toMatchObject({ timedOut: false, signal: 'SIGKILL' });
        expect(result.stoppedFor).toMatch(/^disk-unmeasurable: stopped: the workspace cannot be measured \(ENAMETOOLONG: abc\/abc\/[a-z/]*…[a-z/]*\), so the disk quota cannot be held$/);
        expect(result.diskQuota).toMatchObject({ enforcement: 'watch', state: 'unmeasurable', usedBytes: null });
      });
    });
  });
});
