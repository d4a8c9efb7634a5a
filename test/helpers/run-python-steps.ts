import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBackend } from '../../runner/sandbox/local-backend.js';
import { resolvePython } from '../../runner/settings.js';
import type { PlannedStep } from '../../runner/steps/plan-steps.js';
import { runSteps } from '../../runner/steps/run-steps.js';
import type { StepRecord } from '../../runner/steps/step-record.js';
import { tempRepo } from './temp-repo.js';

/** Really runs the given scripts with Python in a fresh repo, through the local backend and step runner. */
export async function runPythonSteps(
  files: Record<string, string>,
  steps: Array<Partial<PlannedStep> & { entry: string }>,
): Promise<{ records: StepRecord[]; workspaceRoot: string }> {
  const workspace = tempRepo(files);
  const traceDir = mkdtempSync(join(tmpdir(), 'mspr-trace-'));
  const sandbox = await new LocalBackend().start({
    runId: 'test',
    workspaceDir: workspace.root,
    traceDir,
    tracerDir: join(traceDir, 'no-tracer'),
    limits: { timeoutSec: 30, memoryMb: 512, cpus: 1, pids: 64, network: 'none' },
    python: resolvePython(),
    env: {},
  });
  const planned: PlannedStep[] = steps.map((step) => ({
    id: step.id ?? `pipeline:${step.entry}`,
    kind: 'command',
    argv: step.argv ?? ['python', step.entry],
    entry: step.entry,
    timeoutSec: step.timeoutSec ?? 30,
    env: {},
    optional: step.optional ?? false,
  }));
  const runs = await runSteps(planned, { sandbox, hostTraceDir: traceDir, hostWorkspaceDir: workspace.root, onProgress: () => {} });
  return { records: runs.map((run) => run.record), workspaceRoot: workspace.root };
}
