import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DockerBackend, type DockerBackendOptions } from '../../runner/sandbox/docker/docker-backend.js';
import { DockerClient } from '../../runner/sandbox/docker/docker-client.js';
import { latestImage } from '../../runner/images/image-lookup.js';
import type { SandboxLimits, SandboxSpec } from '../../runner/sandbox/sandbox.js';

/**
 * Docker tests run against the real engine. Without one they are skipped, unless MSPR_REQUIRE_DOCKER=1 or MSPR_CI=1,
 * where a missing engine or image is a failure: a skipped docker test must not pass for a green build.
 */
export const requireDocker = process.env.MSPR_REQUIRE_DOCKER === '1' || process.env.MSPR_CI === '1';

export interface Engine {
  ok: boolean;
  why?: string;
  image?: string;
  client: DockerClient;
}

export async function probeEngine(): Promise<Engine> {
  const client = new DockerClient({ callTimeoutMs: 10_000 });
  const probe = await new DockerBackend({ client, image: process.env.MSPR_TEST_IMAGE, probeTimeoutMs: 5_000 }).probe();
  if (!probe.available) return { ok: false, why: probe.reason?.en, client };
  const image = process.env.MSPR_TEST_IMAGE ?? (await latestImage(client, 'python'))?.tag;
  return { ok: Boolean(image), why: image ? undefined : 'no runtime image', image, client };
}

/** In CI, a test that fails when the engine is missing (the other tests are skipped, not passed). */
export function engineRequiredTest(engine: Engine): void {
  if (requireDocker && !engine.ok) {
    it('has a Docker engine and the runtime image (MSPR_REQUIRE_DOCKER=1)', () => {
      expect(engine.why ?? 'ok').toBe('ok');
    });
  }
}

export const TEST_LIMITS: SandboxLimits = { timeoutSec: 60, memoryMb: 512, cpus: 1, pids: 128, network: 'none' };

/** Every test run id starts with this, so the final sweep can tell test resources apart. */
export const TEST_RUN_PREFIX = 'test-docker-';

/** Host folders for one sandbox, removed by the returned cleanup. */
export async function makeSpec(overrides: Partial<SandboxSpec> = {}): Promise<{ spec: SandboxSpec; root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'mspr-docker-test-'));
  const dirs = { workspaceDir: join(root, 'workspace'), traceDir: join(root, 'trace'), tracerDir: join(root, 'tracer'), datasetsDir: join(root, 'datasets') };
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
  const spec: SandboxSpec = {
    runId: `${TEST_RUN_PREFIX}${randomBytes(4).toString('hex')}`,
    ...dirs,
    limits: TEST_LIMITS,
    python: '/usr/bin/python3',
    env: {},
    ...overrides,
  };
  return { spec, root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export function backendFor(engine: Engine, options: DockerBackendOptions = {}): DockerBackend {
  return new DockerBackend({ client: engine.client, image: engine.image, ...options });
}
