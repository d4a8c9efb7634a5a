import { mkdtempSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MsprError } from '../../runner/errors.js';
import { DockerBackend } from '../../runner/sandbox/docker/docker-backend.js';
import { DockerClient } from '../../runner/sandbox/docker/docker-client.js';

/** A socket that accepts connections and never answers: what a wedged dockerd looks like to a client. */
describe('a stuck Docker daemon', () => {
  let server: Server;
  const sockets: Socket[] = [];
  const socketPath = join(mkdtempSync(join(tmpdir(), 'mspr-stuck-')), 'docker.sock');

  beforeAll(async () => {
    server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => server.close(resolve));
  });

  it('a daemon call times out with a clear, bilingual error naming the call', async () => {
    const client = new DockerClient({ docker: new Docker({ socketPath }), callTimeoutMs: 300 });
    const started = Date.now();
    const error = await client.call('list containers', (abortSignal) => client.docker.listContainers({ abortSignal })).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(MsprError);
    expect((error as MsprError).code).toBe('MSPR_SANDBOX_FAILED');
    expect((error as MsprError).text).toEqual({
      fr: "Docker n'a pas répondu en 0,3 s (appel `list containers`).",
      en: 'Docker did not answer within 0.3 s (call `list containers`).',
    });
    expect((error as MsprError).hint?.en).toContain('docker info');
  });

  it('the probe gives up within its bound and says why', async () => {
    const backend = new DockerBackend({ client: new DockerClient({ docker: new Docker({ socketPath }) }), probeTimeoutMs: 300 });
    const probe = await backend.probe();
    expect(probe.available).toBe(false);
    expect(probe.reason?.en).toBe('Docker engine unreachable (Docker did not answer within 0.3 s (call `version`)); start dockerd or check DOCKER_HOST');
  });
});
