import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupDocker, cleanupQuotaDisks } from '../../runner/cleanup.js';
import { quotaDiskSupport } from '../../runner/sandbox/quota/quota-support.js';
import { MsprError } from '../../runner/errors.js';
import { packagePath } from '../../runner/paths.js';
import { selectBackend } from '../../runner/sandbox/select-backend.js';
import { runCli } from '../helpers/run-cli.js';
import { engineRequiredTest, makeSpec, probeEngine } from './helpers.js';
import { RunTracker } from './leftovers.js';

const engine = await probeEngine();
engineRequiredTest(engine);
const runs = new RunTracker();

/**
 * A separate Node process (the built code, as the CLI runs it) starts a sandbox and a long step, prints
 * READY, then waits to be signalled.
 */
const CHILD = `
const { DockerBackend } = await import(${JSON.stringify(packagePath('dist/runner/sandbox/docker/docker-backend.js'))});
const spec = JSON.parse(process.argv[1]);
const sandbox = await new DockerBackend({ image: process.env.MSPR_IMAGE }).start(spec);
// READY once the step really runs in the container, so the signal lands mid-step.
const onOutput = (chunk) => chunk.includes('started') && process.stdout.write('READY\\n');
await sandbox.exec(['sh', '-c', 'echo started; exec sleep 600'], { timeoutMs: 600000, onOutput });
`;

function startChild(spec: object): Promise<{ exit: Promise<{ code: number | null; signal: string | null }>; kill: (signal: NodeJS.Signals) => void }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify(spec)], {
    env: { ...process.env, MSPR_IMAGE: engine.image },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve({ exit, kill: (signal) => child.kill(signal) });
    });
    void exit.then(() => reject(new Error(`child exited before READY: ${stderr}`)));
  });
}

async function containersOf(runId: string): Promise<number> {
  return (await engine.client.docker.listContainers({ all: true, filters: { label: [`mspr-lab.run=${runId}`] } })).length;
}

describe.skipIf(!engine.ok)('docker sandbox lifecycle', () => {
  afterAll(async () => {
    await runs.expectNoLeftovers(engine.client);
  });

  it('Ctrl-C during a step removes the container, then exits 130', async () => {
    const { spec, cleanup } = await makeSpec();
    runs.track(spec);
    const child = await startChild(spec);
    expect(await containersOf(spec.runId)).toBe(1);
    child.kill('SIGINT');
    expect(await child.exit).toEqual({ code: 130, signal: null });
    expect(await containersOf(spec.runId)).toBe(0);
    const run = new RunTracker();
    run.track(spec);
    expect(await run.leftovers(engine.client)).toEqual([]); // its quota disk too: unmounted, loop device detached
    await cleanup();
  });

  it('a crashed run (SIGKILL, no disposal) is swept by cleanup, and only that run', async () => {
    const crashed = await makeSpec();
    const other = await makeSpec();
    runs.track(crashed.spec);
    runs.track(other.spec);
    const first = await startChild(crashed.spec);
    const second = await startChild(other.spec);
    first.kill('SIGKILL');
    await first.exit;
    expect(await containersOf(crashed.spec.runId)).toBe(1); // nothing cleaned up after a SIGKILL
    const crashedRun = new RunTracker();
    crashedRun.track(crashed.spec);
    const quota = quotaDiskSupport().ok;
    if (quota) {
      // Its quota disk too: a loop device, its filesystem's mount and the two bind mounts.
      expect((await crashedRun.leftovers(engine.client)).filter((line) => !line.startsWith('container')).sort()).toEqual([
        expect.stringMatching(/^loop device \/dev\/loop\d+ \(.*\.mspr-lab-quota\.img\)$/),
        `mount ${crashed.spec.traceDir}`,
        `mount ${crashed.spec.workspaceDir}`,
        expect.stringMatching(/^mount .*\/\.mspr-lab-disk\/mnt$/),
      ].sort());
    }
    const report = await cleanupDocker({ runId: crashed.spec.runId, client: engine.client });
    expect(report.containers).toHaveLength(1);
    expect(report.containers[0]).toMatch(/^mspr-test-docker-[0-9a-f]+-sandbox-/);
    const disks = await cleanupQuotaDisks({ runId: crashed.spec.runId });
    expect(disks).toEqual({ removed: quota ? [expect.stringMatching(/^\/dev\/loop\d+ \/.*\.mspr-lab-quota\.img$/)] : [], running: [] });
    expect(await containersOf(crashed.spec.runId)).toBe(0);
    expect(await crashedRun.leftovers(engine.client)).toEqual([]); // no container, loop device or mount
    expect(await containersOf(other.spec.runId)).toBe(1); // another run's sandbox is left alone
    if (quota) {
      const otherRun = new RunTracker();
      otherRun.track(other.spec);
      expect(await otherRun.leftovers(engine.client)).toContain(`mount ${other.spec.workspaceDir}`); // and its disk
    }
    second.kill('SIGTERM');
    expect(await second.exit).toEqual({ code: 143, signal: null });
    expect(await containersOf(other.spec.runId)).toBe(0);
    await crashed.cleanup();
    await other.cleanup();
  });

  it('the CLI lists the images and cleans up (nothing left for a finished run)', () => {
    const list = runCli(['images', 'list']);
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toMatch(/^mspr-lab\/python:[0-9a-f]{12} /m);
    const cleanup = runCli(['cleanup', '--run', runs.runIds[0] ?? 'test-docker-none']);
    expect(cleanup).toMatchObject({ exitCode: 0, stdout: 'Nothing to clean up.\n' });
  });

  it('--sandbox auto picks docker when the engine answers', async () => {
    const choice = await selectBackend('auto');
    expect(choice.backend.name).toBe('docker');
    expect(choice.notice).toBeUndefined();
  });

  it('--sandbox auto falls back to local and says why; --sandbox docker refuses', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    try {
      const choice = await selectBackend('auto');
      expect(choice.backend.name).toBe('local');
      expect(choice.notice?.en).toMatch(/Docker unavailable \(Docker engine unreachable .*ENOENT.*\)/);
      expect(choice.notice?.fr).toMatch(/moteur Docker injoignable/);
      const error = await selectBackend('docker').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MsprError);
      expect((error as MsprError).code).toBe('MSPR_SANDBOX_UNAVAILABLE');
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });
});
