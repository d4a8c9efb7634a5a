import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalBackend } from '../../runner/sandbox/local-backend.js';
import type { Sandbox } from '../../runner/sandbox/sandbox.js';
import { resolvePython } from '../../runner/settings.js';

const python = resolvePython();
let sandbox: Sandbox;
let workspace: string;

/** Running, as opposed to gone or a zombie: this machine's PID 1 does not reap orphans, so dead ones linger as `Z`. */
function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
  } catch {
    return false;
  }
}

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'mspr-local-'));
  sandbox = await new LocalBackend(64 * 1024).start({
    runId: 'local-test',
    workspaceDir: workspace,
    traceDir: workspace,
    tracerDir: workspace,
    limits: { timeoutSec: 10, memoryMb: 512, cpus: 1, pids: 64, network: 'none' },
    python,
    env: { FROM_SPEC: 'yes' },
  });
});

describe('local sandbox', () => {
  it('returns a failing exit code as data, with both streams', async () => {
    const result = await sandbox.exec([python, '-c', 'import sys; print("out"); print("err", file=sys.stderr); sys.exit(3)'], { timeoutMs: 10_000 });
    expect(result).toMatchObject({ exitCode: 3, signal: null, timedOut: false, oomKilled: false });
    expect(result.stdout.text).toBe('out\n');
    expect(result.stderr.text).toBe('err\n');
  });

  it('kills a `while True` and the child it started, within the limit', async () => {
    writeFileSync(
      join(workspace, 'spin.py'),
      'import subprocess, sys\nchild = subprocess.Popen([sys.executable, "-c", "while True: pass"])\nopen("child.pid", "w").write(str(child.pid))\nwhile True:\n    pass\n',
    );
    const started = Date.now();
    const result = await sandbox.exec([python, 'spin.py'], { timeoutMs: 1500 });
    const elapsed = Date.now() - started;
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(result.signal).toBe('SIGTERM');
    // 1.5 s limit + 2 s grace at most before SIGKILL; a generous margin for a loaded machine.
    expect(elapsed).toBeLessThan(6_000);
    const childPid = Number(readFileSync(join(workspace, 'child.pid'), 'utf8'));
    expect(isRunning(childPid)).toBe(false);
  });

  it('SIGKILLs a child that ignores SIGTERM', async () => {
    writeFileSync(
      join(workspace, 'stubborn.py'),
      'import signal, time, os\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nopen("stubborn.pid", "w").write(str(os.getpid()))\nwhile True:\n    time.sleep(0.1)\n',
    );
    const result = await sandbox.exec([python, 'stubborn.py'], { timeoutMs: 1000 });
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(isRunning(Number(readFileSync(join(workspace, 'stubborn.pid'), 'utf8')))).toBe(false);
  });

  it('caps a flood of output and keeps its head and tail', async () => {
    const result = await sandbox.exec([python, '-c', 'import sys\nfor i in range(200000): print("line", i)\nprint("THE END")'], { timeoutMs: 20_000 });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.truncated).toBe(true);
    expect(result.stdout.bytes).toBeGreaterThan(2_000_000);
    expect(result.stdout.text.length).toBeLessThan(70 * 1024);
    expect(result.stdout.text.startsWith('line 0\n')).toBe(true);
    expect(result.stdout.text.trimEnd().endsWith('THE END')).toBe(true);
    expect(result.stdout.text).toContain('bytes omitted');
  });

  it("does not pass the grader's environment to the candidate's code", async () => {
    process.env.MSPR_TEST_SECRET = 'do-not-leak';
    const result = await sandbox.exec([python, '-c', 'import os; print(os.environ.get("MSPR_TEST_SECRET"), os.environ.get("FROM_SPEC"), os.environ.get("STEP"))'], {
      timeoutMs: 10_000,
      env: { STEP: 'step-env' },
    });
    delete process.env.MSPR_TEST_SECRET;
    expect(result.stdout.text.trim()).toBe('None yes step-env');
  });

  it('reports a program that cannot start as exit 127, not an exception', async () => {
    const result = await sandbox.exec(['/nonexistent/interpreter', 'x.py'], { timeoutMs: 5_000 });
    expect(result.exitCode).toBe(127);
    expect(result.stderr.text).toMatch(/ENOENT|not found/i);
  });

  it('states that it does not isolate', () => {
    expect(sandbox.isolated).toBe(false);
    expect(sandbox.backend).toBe('local');
  });
});
