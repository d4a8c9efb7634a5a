#!/usr/bin/env node
/**
 * Per-submission overhead of the docker sandbox beside the local one, on the same trivial Python fixture:
 * start the sandbox (docker: create + start the container), run one step, dispose (docker: remove).
 * Median of N runs (default 11, first one discarded as warm-up). Needs the built code and a runtime image:
 *   npx tsc -p tsconfig.json && sudo node dist/runner/cli.js images build python
 *   node bench/docker-overhead.mjs [runs]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dist = new URL('../dist/runner/sandbox/', import.meta.url);
const { DockerBackend } = await import(new URL('docker/docker-backend.js', dist));
const { LocalBackend } = await import(new URL('local-backend.js', dist));

const RUNS = Number(process.argv[2] ?? 11);
const PYTHON = process.env.MSPR_PYTHON ?? '/usr/bin/python3';
const FIXTURE = 'import sys\nprint("rows", sum(range(1000)))\nsys.exit(0)\n';
const LIMITS = { timeoutSec: 60, memoryMb: 2048, cpus: 1, pids: 1024, network: 'none' };

function freshSpec(index) {
  const root = mkdtempSync(join(tmpdir(), 'mspr-bench-'));
  const dirs = { workspaceDir: join(root, 'ws'), traceDir: join(root, 'trace'), tracerDir: join(root, 'tracer'), datasetsDir: join(root, 'data') };
  for (const dir of Object.values(dirs)) mkdirSync(dir);
  writeFileSync(join(dirs.workspaceDir, 'main.py'), FIXTURE);
  return { root, spec: { runId: `bench-${process.pid}-${index}`, ...dirs, limits: LIMITS, python: PYTHON, env: {} } };
}

async function measure(backend) {
  const samples = [];
  for (let i = 0; i <= RUNS; i++) {
    const { root, spec } = freshSpec(i);
    const t0 = performance.now();
    const sandbox = await backend.start(spec);
    const t1 = performance.now();
    const result = await sandbox.exec([sandbox.python, 'main.py'], { timeoutMs: 60_000 });
    const t2 = performance.now();
    await sandbox.dispose();
    const t3 = performance.now();
    rmSync(root, { recursive: true, force: true });
    if (result.exitCode !== 0 || result.stdout.text !== 'rows 499500\n') throw new Error(`${backend.name}: unexpected result ${JSON.stringify(result)}`);
    if (i > 0) samples.push({ start: t1 - t0, exec: t2 - t1, dispose: t3 - t2, total: t3 - t0 });
  }
  return samples;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const docker = new DockerBackend();
const probe = await docker.probe();
if (!probe.available) {
  console.error(`docker backend unavailable: ${probe.reason?.en}`);
  process.exit(2);
}
const results = { local: await measure(new LocalBackend()), docker: await measure(docker) };
const ms = (v) => `${v.toFixed(0)} ms`.padStart(9);
console.log(`mspr-lab sandbox overhead — trivial Python step, median of ${RUNS} runs (${probe.detail})`);
console.log(`${'phase'.padEnd(28)}${'local'.padStart(9)}${'docker'.padStart(9)}`);
for (const [phase, label] of [['start', 'start (create + start)'], ['exec', 'exec (python step)'], ['dispose', 'dispose (remove)'], ['total', 'per submission']]) {
  console.log(`${label.padEnd(28)}${ms(median(results.local.map((s) => s[phase])))}${ms(median(results.docker.map((s) => s[phase])))}`);
}
const overhead = median(results.docker.map((s) => s.total)) - median(results.local.map((s) => s.total));
console.log(`docker overhead per submission: ${overhead.toFixed(0)} ms (target < 1500 ms)`);
