import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../runner/paths.js';
import type { DockerBackendOptions } from '../../runner/sandbox/docker/docker-backend.js';
import { usage } from '../../runner/sandbox/quota/disk-usage.js';
import { quotaDiskSupport } from '../../runner/sandbox/quota/quota-support.js';
import { SANDBOX_UID } from '../../runner/sandbox/docker/sandbox-user.js';
import type { Sandbox, SandboxLimits } from '../../runner/sandbox/sandbox.js';
import { TEST_LIMITS, backendFor, engineRequiredTest, makeSpec, probeEngine } from './helpers.js';
import { RunTracker } from './leftovers.js';

const engine = await probeEngine();
engineRequiredTest(engine);
const runs = new RunTracker();
const hostile = (name: string) => packagePath('test/fixtures/hostile', name);
const expectedUid = process.getuid?.() === 0 ? SANDBOX_UID : process.getuid?.();

/** Starts a sandbox with the fixture in its workspace, runs `fn`, and always disposes. */
async function withSandbox<T>(
  fixture: string,
  fn: (sandbox: Sandbox, dirs: { workspace: string; datasets: string }) => Promise<T>,
  limits: Partial<SandboxLimits> = {},
  options: DockerBackendOptions = {},
): Promise<T> {
  const { spec, cleanup } = await makeSpec({ limits: { ...TEST_LIMITS, ...limits } });
  runs.track(spec);
  copyFileSync(hostile(fixture), join(spec.workspaceDir, fixture));
  writeFileSync(join(spec.datasetsDir!, 'data.csv'), 'a,b\n1,2\n');
  const sandbox = await backendFor(engine, options).start(spec);
  try {
    return await fn(sandbox, { workspace: spec.workspaceDir, datasets: spec.datasetsDir! });
  } finally {
    await sandbox.dispose();
    await cleanup();
  }
}

/** Processes left in the container besides its init and `sleep infinity` (and the lister itself). */
async function strayProcesses(sandbox: Sandbox): Promise<string[]> {
  const lister = 'import os\nfor p in os.listdir("/proc"):\n  if p.isdigit() and int(p) != os.getpid():\n    c = open(f"/proc/{p}/cmdline","rb").read().replace(b"\\0", b" ").decode().strip()\n    print(c)';
  const result = await sandbox.exec([sandbox.python, '-c', lister], { timeoutMs: 10_000 });
  return result.stdout.text.split('\n').filter((line) => line && !/^(\/sbin\/docker-init|sleep infinity)/.test(line));
}

describe.skipIf(!engine.ok)('hostile code under the docker sandbox', () => {
  afterAll(async () => {
    await runs.expectNoLeftovers(engine.client);
  });

  it('fork bomb: refused by the pids limit, stopped at the timeout, sandbox still usable', async () => {
    await withSandbox('fork_bomb.py', async (sandbox) => {
      const result = await sandbox.exec([sandbox.python, 'fork_bomb.py'], { timeoutMs: 4_000 });
      const refused = /fork refused after (\d+) children: errno 11/.exec(result.stdout.text);
      expect(refused, result.stdout.text).not.toBeNull();
      expect(Number(refused![1])).toBeLessThan(128);
      expect(result).toMatchObject({ timedOut: true, exitCode: null, oomKilled: false });
      expect(result.durationMs).toBeLessThan(4_000 + 20_000);
      const after = await sandbox.exec([sandbox.python, '-c', 'print("alive")'], { timeoutMs: 10_000 });
      expect(after).toMatchObject({ exitCode: 0, stdout: { text: 'alive\n' } });
      expect(await strayProcesses(sandbox)).toEqual([]);
    }, { pids: 128 });
  });

  it('while True: stopped at the timeout with SIGTERM', async () => {
    await withSandbox('infinite_loop.py', async (sandbox) => {
      const result = await sandbox.exec([sandbox.python, 'infinite_loop.py'], { timeoutMs: 1_500 });
      expect(result).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGTERM', oomKilled: false, stdout: { text: 'looping\n' } });
      expect(result.durationMs).toBeGreaterThanOrEqual(1_500);
      expect(result.durationMs).toBeLessThan(1_500 + 3_000);
    });
  });

  it('4 GB allocation: killed by the memory limit and reported as OOM', async () => {
    await withSandbox('big_alloc.py', async (sandbox) => {
      const result = await sandbox.exec([sandbox.python, 'big_alloc.py'], { timeoutMs: 60_000 });
      expect(result).toMatchObject({ oomKilled: true, signal: 'SIGKILL', exitCode: null, timedOut: false });
      expect(result.stdout.text).toBe('allocating 4 GB\n');
      // Controls: a fitting allocation and a SIGKILL that is not an OOM are not reported as OOM.
      const fits = await sandbox.exec([sandbox.python, '-c', 'x = b"x" * (100 * 1024**2); print(len(x))'], { timeoutMs: 30_000 });
      expect(fits).toMatchObject({ oomKilled: false, exitCode: 0 });
      const killed = await sandbox.exec([sandbox.python, '-c', 'import os, signal; os.kill(os.getpid(), signal.SIGKILL)'], { timeoutMs: 30_000 });
      expect(killed).toMatchObject({ oomKilled: false, signal: 'SIGKILL', exitCode: null, timedOut: false });
      // A worker killed for memory makes its parent fail with a plain error code: still reported as OOM.
      const worker = 'import subprocess, sys\nchild = subprocess.run([sys.executable, "big_alloc.py"])\nprint("worker", child.returncode)\nsys.exit(1)';
      const parent = await sandbox.exec([sandbox.python, '-c', worker], { timeoutMs: 60_000 });
      expect(parent).toMatchObject({ oomKilled: true, exitCode: 1, signal: null, timedOut: false });
      expect(parent.stdout.text).toContain('worker -9');
    }, { memoryMb: 512 });
  });

  it('writing outside the workspace: refused everywhere, the host untouched', async () => {
    await withSandbox('write_outside.py', async (sandbox, dirs) => {
      const result = await sandbox.exec([sandbox.python, 'write_outside.py'], { timeoutMs: 30_000 });
      expect(result.exitCode, result.stderr.text).toBe(0);
      const lines = result.stdout.text.trim().split('\n');
      expect(lines.filter((l) => l.startsWith('WROTE'))).toEqual([]);
      const denied = lines.filter((l) => l.startsWith('denied'));
      expect(denied).toHaveLength(7);
      for (const line of denied) expect(line).toMatch(/errno=(13|30)$/); // EACCES or EROFS
      expect(lines).toContain('allowed /workspace/ok.txt');
      expect(lines).toContain('allowed /tmp/ok.txt');
      expect(lines).toContain(`uid=${expectedUid} gid=${expectedUid === SANDBOX_UID ? SANDBOX_UID : process.getgid?.()}`);
      expect(readFileSync(join(dirs.workspace, 'ok.txt'), 'utf8')).toBe('fine\n');
      expect(readFileSync(join(dirs.datasets, 'data.csv'), 'utf8')).toBe('a,b\n1,2\n');
      expect(existsSync('/etc/mspr-hostile') || existsSync('/mspr-hostile')).toBe(false);
    });
  });

  // Deterministic under load: the workspace is a filesystem of the quota's size, so the kernel refuses the
  // writes (test/docker/disk-quota.test.ts covers the quota in detail, and the fallback watch).
  it.skipIf(!quotaDiskSupport().ok)('filling the disk: tmpfs full, workspace quota enforced by the kernel', async () => {
    await withSandbox('fill_disk.py', async (sandbox, dirs) => {
      const result = await sandbox.exec([sandbox.python, 'fill_disk.py'], { timeoutMs: 120_000 });
      const out = result.stdout.text;
      expect(out).toMatch(/tmp stopped after (2[0-9]|3[0-2]) MiB errno=28 \(ENOSPC\)/);
      // One file fills the 48 MiB filesystem as it reaches the 48 MiB fsize limit (whichever the kernel meets
      // first: ENOSPC or EFBIG); nothing fits after it.
      expect(out).toMatch(/single file stopped after 4[4-8] MiB errno=(28 \(ENOSPC\)|27 \(EFBIG\))/);
      expect(out).toMatch(/many files stopped after 0 MiB errno=28/);
      expect(result).toMatchObject({ timedOut: false, exitCode: 0, signal: null, oomKilled: false });
      expect(result.diskQuota).toMatchObject({ enforcement: 'filesystem', state: 'reached', limitBytes: 48 * 2 ** 20 });
      expect(await usage([dirs.workspace])).toBeLessThanOrEqual(48 * 2 ** 20 + 2 ** 20);
    }, {}, { limits: { tmpSizeMb: 32, workspaceQuotaMb: 48 } });
  });

  describe('network', () => {
    let server: Server;
    let port = 0;
    let accepted = 0;
    afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

    it('cannot reach a server on this machine; only loopback exists', async () => {
      server = createServer((socket) => {
        accepted++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
      port = (server.address() as { port: number }).port;
      const gateway = execFileSync('docker', ['network', 'inspect', 'bridge', '-f', '{{(index .IPAM.Config 0).Gateway}}'], { encoding: 'utf8' }).trim();
      const hostAddresses = Object.values(networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal).map((a) => a!.address);
      const targets = [...new Set(['127.0.0.1', gateway, ...hostAddresses])].map((host) => `${host}:${port}`);
      // Control: every target is reachable from the host itself, so a "blocked" below means something.
      for (const target of targets) await expectReachableFromHost(target);
      const before = accepted;
      await withSandbox('net_probe.py', async (sandbox) => {
        const result = await sandbox.exec([sandbox.python, 'net_probe.py', ...targets], { timeoutMs: 60_000 });
        expect(result.exitCode, result.stderr.text).toBe(0);
        const lines = result.stdout.text.trim().split('\n');
        expect(lines.filter((l) => l.startsWith('CONNECTED'))).toEqual([]);
        expect(lines.filter((l) => l.startsWith('blocked'))).toHaveLength(targets.length);
        expect(lines.at(-1)).toBe('interfaces=lo');
      });
      expect(accepted).toBe(before);
    });
  });

  it('100 MB on stdout: counted, capped, head and tail kept', async () => {
    await withSandbox('big_stdout.py', async (sandbox) => {
      const result = await sandbox.exec([sandbox.python, 'big_stdout.py'], { timeoutMs: 60_000 });
      expect(result).toMatchObject({ exitCode: 0, timedOut: false, stdout: { bytes: 100 * 2 ** 20 + 13, truncated: true } });
      expect(result.stdout.text.length).toBeLessThan(2 ** 20 + 200);
      expect(result.stdout.text.startsWith('xxxx')).toBe(true);
      expect(result.stdout.text.endsWith('x\nEND OF FLOOD\n')).toBe(true);
    });
  });

  it('kill -9 -1 kills only the candidate\'s own processes: the container keeps running, not restarted', async () => {
    await withSandbox('infinite_loop.py', async (sandbox) => {
      const container = engine.client.docker.getContainer((sandbox as unknown as { container: { id: string } }).container.id);
      const startedAt = (await container.inspect()).State.StartedAt;
      const result = await sandbox.exec([sandbox.python, '-c', 'import os, signal; os.kill(-1, signal.SIGKILL); print("still here")'], { timeoutMs: 10_000 });
      expect(result).toMatchObject({ exitCode: 0, stdout: { text: 'still here\n' } });
      const state = (await container.inspect()).State;
      expect({ running: state.Running, startedAt: state.StartedAt }).toEqual({ running: true, startedAt });
      const after = await sandbox.exec([sandbox.python, '-c', 'print("alive")'], { timeoutMs: 10_000 });
      expect(after).toMatchObject({ exitCode: 0, stdout: { text: 'alive\n' } });
    });
  });

  it('a child that ignores SIGTERM (own session, grandchild) is killed with the step', async () => {
    await withSandbox('ignore_sigterm.py', async (sandbox) => {
      const result = await sandbox.exec([sandbox.python, 'ignore_sigterm.py'], { timeoutMs: 2_000 });
      expect(result).toMatchObject({ timedOut: true, exitCode: null, oomKilled: false });
      expect(result.stdout.text).toContain('child ready');
      expect(result.stdout.text).toContain('parent waiting');
      expect(result.durationMs).toBeLessThan(2_000 + 2_000 + 3_000);
      expect(await strayProcesses(sandbox)).toEqual([]);
    });
  });
});

function expectReachableFromHost(target: string): Promise<void> {
  const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', (error: Error) => reject(new Error(`${target} not reachable from the host: ${error.message}`)));
    socket.once('timeout', () => reject(new Error(`${target} timed out from the host`)));
  });
}
