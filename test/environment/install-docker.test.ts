import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DockerInstaller } from '../../runner/environment/docker-installer.js';
import type { EnvironmentSettings } from '../../runner/environment/environment-settings.js';
import { prepareEnvironment } from '../../runner/environment/prepare-environment.js';
import { listImages } from '../../runner/images/image-lookup.js';
import type { Sandbox } from '../../runner/sandbox/sandbox.js';
import { backendFor, makeSpec, probeEngine, requireDocker, TEST_LIMITS, TEST_RUN_PREFIX } from '../docker/helpers.js';
import { buildWheel, DEMO_PACKAGE } from '../helpers/test-wheels.js';
import { tempRepo } from '../helpers/temp-repo.js';

/**
 * The docker side of the team's environment, on the real engine: the install container (network none, wheel
 * folder read-only) builds the venv at /opt/mspr-venv, and the sandbox runs the code with it, read-only.
 * Needs a runtime image built with python3-pip (`mspr-lab images build python`); skipped without one, except
 * under MSPR_REQUIRE_DOCKER=1 / MSPR_CI=1 where that is a failure.
 */
const engine = await probeEngine();
const image = engine.ok ? (await listImages(engine.client, 'python')).find((info) => info.tag === engine.image) : undefined;
const hasPip = Boolean(image?.labels['mspr-lab.packages']?.split(' ').some((item) => item.startsWith('python3-pip=')));
const ready = engine.ok && hasPip;

if (requireDocker && !ready) {
  it('has a Docker engine and a runtime image with pip (MSPR_REQUIRE_DOCKER=1)', () => {
    expect(engine.why ?? (hasPip ? 'ok' : `image ${engine.image} has no python3-pip: run mspr-lab images build python`)).toBe('ok');
  });
}

describe.skipIf(!ready)('the team’s environment in the docker sandbox (real engine)', () => {
  const sandboxes: Sandbox[] = [];
  afterAll(async () => {
    for (const sandbox of sandboxes) await sandbox.dispose();
  });

  const wheelhouse = mkdtempSync(join(tmpdir(), 'mspr-docker-wheels-'));
  buildWheel(wheelhouse, DEMO_PACKAGE);
  // mkdtemp makes 0700 folders; a bind mount keeps host permissions, and the install container is not root.
  chmodSync(wheelhouse, 0o755);
  const settings: EnvironmentSettings = { trustedHosts: [], allowSdist: false, wheelhouse, cacheDir: mkdtempSync(join(tmpdir(), 'mspr-docker-venvs-')), timeoutSec: 300 };
  const installer = () => new DockerInstaller(engine.client, engine.image!, TEST_LIMITS);
  const prepare = (workspaceDir: string) =>
    prepareEnvironment({ workspaceDir, folders: ['.'], files: [] }, { runId: `${TEST_RUN_PREFIX}${randomBytes(4).toString('hex')}`, installer: installer(), settings, scratchDir: mkdtempSync(join(tmpdir(), 'mspr-docker-env-io-')) });

  it('installs from the wheel folder in an install container without network; the sandbox’s python is the venv’s, read-only', async () => {
    const repo = tempRepo({
      'requirements.txt': 'mspr-demo-pkg==1.0.0\npandas==2.1.3\nseaborn\n',
      'main.py': 'import sys, pandas, mspr_demo_pkg\nprint(mspr_demo_pkg.__version__, pandas.__version__, sys.prefix, sys.executable)\n',
      'write.py': 'open("/opt/mspr-venv/lib/intrus.py", "w").write("x")\n',
    }).root;
    const prepared = await prepare(repo);
    expect(prepared.record).toMatchObject({ status: 'partial', cached: false, network: false, venv: '/opt/mspr-venv', pipCalls: 1 });
    expect(prepared.record.requirements).toEqual([
      expect.objectContaining({ name: 'mspr-demo-pkg', status: 'installed', version: '1.0.0' }),
      expect.objectContaining({ name: 'pandas', status: 'unmet', imageVersion: '1.5.3', reason: 'not-available' }),
      expect.objectContaining({ name: 'seaborn', status: 'preinstalled' }),
    ]);
    expect(prepared.record.logTail).toContain('--no-index');
    expect(prepared.record.logTail).toContain('--find-links /opt/mspr/wheelhouse');

    const { spec } = await makeSpec({ workspaceDir: repo, venv: prepared.venv });
    const sandbox = await backendFor(engine).start(spec);
    sandboxes.push(sandbox);
    expect(sandbox.python).toBe('/opt/mspr-venv/bin/python');
    const run = await sandbox.exec([sandbox.python, 'main.py'], { timeoutMs: 60_000 });
    expect(run.stderr.text).toBe('');
    expect(run.stdout.text.trim()).toBe('1.0.0 1.5.3 /opt/mspr-venv /opt/mspr-venv/bin/python');
    // `python3` found on PATH is the venv's as well (a README's `python3 -m …`).
    const which = await sandbox.exec(['python3', '-c', 'import sys; print(sys.prefix)'], { timeoutMs: 30_000 });
    expect(which.stdout.text.trim()).toBe('/opt/mspr-venv');
    const write = await sandbox.exec([sandbox.python, 'write.py'], { timeoutMs: 30_000 });
    expect(write.exitCode).not.toBe(0);
    expect(write.stderr.text).toContain('Read-only file system');
  });

  it('a wheel folder the container’s user cannot read: the install says so, the run goes on', async () => {
    const closed = mkdtempSync(join(tmpdir(), 'mspr-docker-closed-wheels-'));
    buildWheel(closed, DEMO_PACKAGE);
    const repo = tempRepo({ 'requirements.txt': 'mspr-demo-pkg\n' }).root;
    const prepared = await prepareEnvironment({ workspaceDir: repo, folders: ['.'], files: [] }, { runId: `${TEST_RUN_PREFIX}closed`, installer: installer(), settings: { ...settings, wheelhouse: closed }, scratchDir: mkdtempSync(join(tmpdir(), 'mspr-docker-env-io-')) });
    if (process.getuid?.() !== 0) return; // as a normal user the container runs with the same uid, which can read it
    expect(prepared.record.status).toBe('failed');
    expect(prepared.record.problem?.en).toContain(`the wheel folder is not readable by the install container's user (uid 10001): ${closed}`);
    expect(prepared.venv).toBeUndefined();
  });

  it('a second run with the same requirements starts no install container', async () => {
    const repo = tempRepo({ 'requirements.txt': 'seaborn\nPandas==2.1.3\nMSPR-demo-pkg==1.0.0\n' }).root;
    const prepared = await prepare(repo);
    expect(prepared.record).toMatchObject({ cached: true, pipCalls: 0 });
    expect(prepared.record.requirements.find((r) => r.name === 'mspr-demo-pkg')).toMatchObject({ status: 'installed', declaredIn: 'requirements.txt:3' });
  });
});
