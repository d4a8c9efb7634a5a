import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFromDockerfile } from '../../runner/images/build-from-dockerfile.js';
import { listImages } from '../../runner/images/image-lookup.js';
import { DockerBackend } from '../../runner/sandbox/docker/docker-backend.js';
import { engineRequiredTest, makeSpec, probeEngine } from './helpers.js';

const engine = await probeEngine();
engineRequiredTest(engine);

/**
 * No registry is reachable here, so the Dockerfile path is tested with a base image the engine already has:
 * our own Debian-built runtime. What is under test is the build itself (context, content tag, labels, errors).
 * A role of its own keeps the result out of the default `python` lookup used by the other suites.
 */
const ROLE = 'dockerfile-test';

describe.skipIf(!engine.ok)('images build --dockerfile', () => {
  const built: string[] = [];
  afterAll(async () => {
    for (const image of built) await engine.client.docker.getImage(image).remove({ force: true }).catch(() => undefined);
  });

  async function context(extraLine = ''): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'mspr-dockerfile-'));
    await writeFile(join(dir, 'requirements-extra.txt'), 'pandas\n');
    await writeFile(join(dir, 'Dockerfile'), `FROM ${engine.image}\nUSER root\nCOPY requirements-extra.txt /opt/mspr/\nRUN echo built-from-dockerfile > /opt/mspr/marker${extraLine}\n`);
    return join(dir, 'Dockerfile');
  }

  it('builds with a content tag and labels, skips an unchanged rebuild, and the sandbox runs on it', async () => {
    const dockerfile = await context();
    const first = await buildFromDockerfile({ dockerfile, role: ROLE, client: engine.client });
    built.push(first.image);
    expect(first.status).toBe('built');
    expect(first.image).toMatch(/^mspr-lab\/dockerfile-test:df-[0-9a-f]{12}$/);
    expect(await buildFromDockerfile({ dockerfile, role: ROLE, client: engine.client })).toEqual({ image: first.image, status: 'present' });
    expect((await listImages(engine.client, ROLE)).map((image) => image.tag)).toContain(first.image);

    const { spec, cleanup } = await makeSpec();
    const sandbox = await new DockerBackend({ client: engine.client, image: first.image }).start(spec);
    try {
      const result = await sandbox.exec(['cat', '/opt/mspr/marker', '/opt/mspr/requirements-extra.txt'], { timeoutMs: 30_000 });
      expect(result.stdout.text).toBe('built-from-dockerfile\npandas\n');
    } finally {
      await sandbox.dispose();
      await cleanup();
    }
  });

  it('a changed context gets a new tag', async () => {
    const a = await buildFromDockerfile({ dockerfile: await context(), role: ROLE, client: engine.client });
    const b = await buildFromDockerfile({ dockerfile: await context('\nRUN true'), role: ROLE, client: engine.client });
    built.push(a.image, b.image);
    expect(a.image).not.toBe(b.image);
  });

  it('a failing RUN is an error naming the step, not a silent image', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mspr-dockerfile-'));
    await writeFile(join(dir, 'Dockerfile'), `FROM ${engine.image}\nRUN exit 7\n`);
    await expect(buildFromDockerfile({ dockerfile: join(dir, 'Dockerfile'), role: ROLE, client: engine.client })).rejects.toMatchObject({
      code: 'MSPR_SANDBOX_FAILED',
      details: [expect.stringMatching(/returned a non-zero code: 7/)],
    });
    const containers = await engine.client.docker.listContainers({ all: true, filters: { label: ['mspr-lab.managed=true'] } });
    expect(containers.filter((c) => c.State === 'exited' && /exit 7/.test(c.Command))).toEqual([]);
  });
});
