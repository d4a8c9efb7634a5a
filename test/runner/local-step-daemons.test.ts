import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBackend } from '../../runner/sandbox/local-backend.js';
import type { Sandbox } from '../../runner/sandbox/sandbox.js';
import { resolvePython } from '../../runner/settings.js';

const python = resolvePython();
let sandbox: Sandbox;
let workspace: string;
const strays: number[] = [];

/** Running, as opposed to gone or a zombie (this machine's PID 1 does not reap orphans). */
function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * A step that starts a daemon the way candidates do (`start_new_session=True`: a new session, so a new
 * process group) and returns at once. The daemon writes its pid, then a heartbeat every 50 ms.
 */
function daemonScript(name: string, options: { emptyEnv?: boolean; stayAlive?: boolean } = {}): string {
  const heartbeat = join(workspace, `${name}.beat`);
  const daemon = `import os, time\nopen(${JSON.stringify(`${heartbeat}.pid`)}, "w").write(str(os.getpid()))\nn = 0\nwhile True:\n    n += 1\n    open(${JSON.stringify(heartbeat)}, "w").write(str(n))\n    time.sleep(0.05)\n`;
  const env = options.emptyEnv ? ', env={}' : '';
  const script = [
    'import subprocess, sys, time, os',
    `subprocess.Popen([sys.executable, "-c", ${JSON.stringify(daemon)}], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL${env})`,
    `while not os.path.exists(${JSON.stringify(`${heartbeat}.pid`)}): time.sleep(0.02)`,
    options.stayAlive ? 'while True: time.sleep(1)' : 'print("pipeline done")',
  ].join('\n');
  writeFileSync(join(workspace, `${name}.py`), `${script}\n`);
  return heartbeat;
}

function pidOf(heartbeat: string): number {
  const pid = Number(readFileSync(`${heartbeat}.pid`, 'utf8'));
  strays.push(pid);
  return pid;
}

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'mspr-daemons-'));
  sandbox = await new LocalBackend().start({
    runId: 'daemon-test',
    workspaceDir: workspace,
    traceDir: workspace,
    tracerDir: workspace,
    limits: { timeoutSec: 10, memoryMb: 512, cpus: 1, pids: 64, network: 'none' },
    python,
    env: {},
  });
});

afterAll(() => {
  for (const pid of strays) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
});

describe.skipIf(!existsSync('/proc/self/environ'))('local sandbox: processes that leave the step’s group', () => {
  it('a setsid daemon started by a step that ends normally is killed with the step', async () => {
    const heartbeat = daemonScript('daemon');
    const result = await sandbox.exec([python, 'daemon.py'], { timeoutMs: 20_000 });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(result.stdout.text).toBe('pipeline done\n');
    const pid = pidOf(heartbeat);
    expect(isRunning(pid)).toBe(false);
    // Dead, not merely quiet: the heartbeat no longer moves.
    const beat = readFileSync(heartbeat, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readFileSync(heartbeat, 'utf8')).toBe(beat);
  });

  it('a setsid daemon of a step that times out is killed too', async () => {
    const heartbeat = daemonScript('hang', { stayAlive: true });
    const result = await sandbox.exec([python, 'hang.py'], { timeoutMs: 1_500 });
    expect(result.timedOut).toBe(true);
    expect(isRunning(pidOf(heartbeat))).toBe(false);
  });

  it('what remains: a daemon started with an empty environment escapes the tag (documented in the README)', async () => {
    const heartbeat = daemonScript('escape', { emptyEnv: true });
    const result = await sandbox.exec([python, 'escape.py'], { timeoutMs: 20_000 });
    expect(result.exitCode).toBe(0);
    const pid = pidOf(heartbeat);
    expect(isRunning(pid)).toBe(true);
    process.kill(pid, 'SIGKILL');
  });
});
