import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalBackend } from '../../runner/sandbox/local-backend.js';
import type { ExecResult, SandboxBackend } from '../../runner/sandbox/sandbox.js';
import { type ExpectedRun, type FixtureExpectations, fixturesIn, readExpectations, scenarioArgument } from '../helpers/fixture-expectations.js';
import type { CliRun } from '../helpers/run-cli.js';
import { runCliAsync } from './run-cli-async.js';
import { backendFor, engineRequiredTest, makeSpec, probeEngine } from './helpers.js';
import { RunTracker } from './leftovers.js';

const engine = await probeEngine();
engineRequiredTest(engine);
const runs = new RunTracker();
const PYTHON = process.env.MSPR_PYTHON ?? '/usr/bin/python3';

const SCRIPT = `import os, sys
print("rows", 2000)
print("warning: 3 nulls", file=sys.stderr)
open(os.path.join(os.environ["OUT_DIR"], "out.txt"), "w").write("ok")
sys.exit(int(sys.argv[1]))
`;

async function runIn(backend: SandboxBackend, argv: (python: string) => string[], timeoutMs = 30_000): Promise<ExecResult> {
  const { spec, cleanup } = await makeSpec({ python: PYTHON });
  runs.track(spec);
  writeFileSync(join(spec.workspaceDir, 'job.py'), SCRIPT);
  const sandbox = await backend.start(spec);
  try {
    return await sandbox.exec(argv(sandbox.python), { timeoutMs, env: { OUT_DIR: sandbox.paths.workspace } });
  } finally {
    await sandbox.dispose();
    await cleanup();
  }
}

/** Step durations and process ids (a container's pids start at 1) differ between backends by nature; everything else in a verdict must not. */
const BACKEND_SPECIFIC = new Set(['durationMs', 'pid']);
function withoutDurations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDurations);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => !BACKEND_SPECIFIC.has(k)).map(([k, v]) => [k, withoutDurations(v)]));
  return value;
}

/** Checks whose evidence holds the query times the tracer measured: they differ between any two runs. */
const TIMED_CHECKS = new Set(['db/optimisation-measured']);
/** A verdict as it must be under both backends: measured times masked (not compared), everything else kept. */
function comparableVerdict(v: { id: string; status: string; message: { en: string }; evidence: unknown }): unknown {
  if (!TIMED_CHECKS.has(v.id)) return { id: v.id, status: v.status, message: v.message.en, evidence: withoutDurations(v.evidence) };
  const evidence = (withoutDurations(v.evidence) as Array<Record<string, unknown>>).map((e) => ({ ...e, actual: typeof e.actual }));
  return { id: v.id, status: v.status, message: v.message.en.replace(/\d+(\.\d+)? ms\b/g, '<t> ms'), evidence };
}

/** What must not depend on the backend (duration does, by nature). */
function comparable(result: ExecResult): Omit<ExecResult, 'durationMs'> {
  const { durationMs: _ignored, ...rest } = result;
  return rest;
}

describe.skipIf(!engine.ok)('docker and local give the same results', () => {
  afterAll(async () => {
    await runs.expectNoLeftovers(engine.client);
  });

  it('same ExecResult for a Python script (exit code, both streams, sizes)', async () => {
    const argv = (python: string) => [python, 'job.py', '4'];
    const local = await runIn(new LocalBackend(), argv);
    const docker = await runIn(backendFor(engine), argv);
    expect(Object.keys(docker).sort()).toEqual(Object.keys(local).sort());
    expect({ ...comparable(docker), argv: [] }).toEqual({ ...comparable(local), argv: [] });
    expect(comparable(docker)).toMatchObject({ exitCode: 4, signal: null, stdout: { text: 'rows 2000\n', bytes: 10, truncated: false } });
  });

  it('same timeout result for an endless loop', async () => {
    const argv = (python: string) => [python, '-c', 'while True: pass'];
    const local = await runIn(new LocalBackend(), argv, 1_000);
    const docker = await runIn(backendFor(engine), argv, 1_000);
    expect({ ...comparable(docker), argv: [] }).toEqual({ ...comparable(local), argv: [] });
    expect(docker).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGTERM' });
  });

  // Every run of every fixture that the sandbox grades alone (foundation, ML), with the scenario its expected.json
  // names: a new fixture joins by itself. Data fixtures need database servers: test/data/ grades them. Of the real
  // repositories, those with no mspr.yaml whose steps run from their own folders (notebooks/, cd x &&) with the root
  // on PYTHONPATH, in /workspace; the others need wheels or a network (test/environment/ grades them).
  const REAL = ['etl-src-package', 'makefile-compose', 'notebooks-numbered', 'readme-lancer'].map((name) => readExpectations(`real/${name}`));
  const CASES = [...['foundation', 'ml'].flatMap((group) => fixturesIn(group)), ...REAL].flatMap((fx) => fx.runs.map((run): [string, string, FixtureExpectations, ExpectedRun] => [fx.name, run.scenario, fx, run]));
  it.each(CASES)('%s · %s: the expected verdicts, and the same verdicts, steps and exit code under docker as under local', async (_name, _scenario, fx, run) => {
    const scenario = scenarioArgument(fx, run);
    const [local, docker] = await Promise.all(['local', 'docker'].map((name) => runCliAsync(['check', fx.dir, '--scenario', scenario, '--sandbox', name])));
    expect(Object.fromEntries(local.report!.verdicts.map((v) => [v.id, v.status])), local.stderr).toEqual(run.verdicts);
    expect(local.exitCode).toBe(run.exitCode);
    expect(docker.report?.sandbox, docker.stderr).toMatchObject({ backend: 'docker', isolated: true });
    runs.track({ runId: docker.report!.runId });
    expect(docker.exitCode).toBe(local.exitCode);
    const table = (run: CliRun) => run.report!.verdicts.map(comparableVerdict);
    expect(table(docker)).toEqual(table(local));
    const steps = (run: CliRun) => run.report!.steps.map((s) => ({ id: s.id, status: s.status, exitCode: s.exitCode, timedOut: s.timedOut }));
    expect(steps(docker)).toEqual(steps(local));
    // A hang guard, not a speed target: two notebooks run twice at once take minutes on a loaded 2-core machine.
  }, 600_000);
});
