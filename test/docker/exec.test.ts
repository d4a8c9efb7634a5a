import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../runner/sandbox/sandbox.js';
import { backendFor, engineRequiredTest, makeSpec, probeEngine } from './helpers.js';

const engine = await probeEngine();
engineRequiredTest(engine);

describe.skipIf(!engine.ok)('docker exec', () => {
  let sandbox: Sandbox;
  let cleanup: () => Promise<void>;
  let workspace: string;

  beforeAll(async () => {
    const made = await makeSpec();
    cleanup = made.cleanup;
    workspace = made.spec.workspaceDir;
    await writeFile(join(workspace, 'hello.py'), 'import sys\nprint("bonjour")\nprint("oops", file=sys.stderr)\nsys.exit(3)\n');
    sandbox = await backendFor(engine).start(made.spec);
  });
  afterAll(async () => {
    await sandbox?.dispose();
    await cleanup?.();
  });

  it('runs a Python script and reports exit code and both streams', async () => {
    const result = await sandbox.exec([sandbox.python, 'hello.py'], { timeoutMs: 30_000 });
    expect(result).toMatchObject({
      argv: [sandbox.python, 'hello.py'],
      exitCode: 3,
      signal: null,
      timedOut: false,
      oomKilled: false,
      stdout: { text: 'bonjour\n', bytes: 8, truncated: false },
      stderr: { text: 'oops\n', bytes: 5, truncated: false },
    });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('copies files out, from the workspace and from the image', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mspr-copy-'));
    await sandbox.copyOut('/workspace/hello.py', join(out, 'hello.py'));
    expect(await readFile(join(out, 'hello.py'), 'utf8')).toContain('bonjour');
    await sandbox.copyOut('/etc/mspr-lab/packages.txt', join(out, 'packages.txt'));
    expect(await readFile(join(out, 'packages.txt'), 'utf8')).toMatch(/^python3-pandas=1\.5\.3/m);
  });

  it('runs in the workspace, or a folder of it, and refuses to leave it', async () => {
    const result = await sandbox.exec(['pwd'], { timeoutMs: 10_000, cwd: '.' });
    expect(result.stdout.text).toBe('/workspace\n');
    await expect(sandbox.exec(['pwd'], { timeoutMs: 10_000, cwd: '../etc' })).rejects.toThrow(/outside the workspace/);
  });

  it('stops a step that runs over time', async () => {
    const result = await sandbox.exec([sandbox.python, '-c', 'while True: pass'], { timeoutMs: 1_000 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGTERM', oomKilled: false });
    expect(result.durationMs).toBeLessThan(5_000);
  });
});
