import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceFiles } from '../../runner/evidence/workspace-files.js';
import { classifyStep } from '../../runner/failure/classify-step.js';
import { declaredRequirements, type UnmetRequirement } from '../../runner/failure/declared-requirements.js';
import type { StepFailure } from '../../runner/failure/step-failure.js';
import { packagePath } from '../../runner/paths.js';
import { LocalBackend } from '../../runner/sandbox/local-backend.js';
import type { PlannedStep } from '../../runner/steps/plan-steps.js';
import { runSteps } from '../../runner/steps/run-steps.js';
import type { StepRecord } from '../../runner/steps/step-record.js';
import { tempRepo } from '../helpers/temp-repo.js';

export const DEBIAN_PYTHON = '/usr/bin/python3';

export interface RealFailure {
  record: StepRecord;
  failure: StepFailure | undefined;
  root: string;
}

/**
 * Really runs one step (a script, a command or a notebook) in a fresh repository holding `files`, with the
 * given interpreter (Debian's by default), then classifies how it ended, as the runner does after the steps.
 */
export async function classifyRealRun(
  files: Record<string, string>,
  step: { entry?: string; argv?: string[]; kind?: 'command' | 'notebook'; timeoutSec?: number },
  options: { python?: string; servers?: string[]; unmet?: UnmetRequirement[] } = {},
): Promise<RealFailure> {
  const workspace = tempRepo(files);
  const traceDir = mkdtempSync(join(tmpdir(), 'mspr-trace-'));
  const python = options.python ?? DEBIAN_PYTHON;
  const sandbox = await new LocalBackend().start({
    runId: 'test',
    workspaceDir: workspace.root,
    traceDir,
    // Notebooks run through mspr-lab's driver, which lives in the tracer's folder; scripts run untraced.
    tracerDir: step.kind === 'notebook' ? packagePath('runner/tracer/python') : join(traceDir, 'no-tracer'),
    limits: { timeoutSec: 60, memoryMb: 512, cpus: 1, pids: 64, network: 'none' },
    python,
    env: {},
  });
  const planned: PlannedStep = {
    id: `pipeline:${step.entry ?? step.argv?.join(' ')}`,
    kind: step.kind ?? 'command',
    argv: step.argv ?? (step.kind === 'notebook' ? [] : ['python', step.entry!]),
    entry: step.entry,
    timeoutSec: step.timeoutSec ?? 120,
    env: {},
    optional: false,
  };
  const [run] = await runSteps([planned], { sandbox, hostTraceDir: traceDir, hostWorkspaceDir: workspace.root, onProgress: () => {} });
  const files_ = workspaceFiles(workspace.root);
  const failure = classifyStep(run!.record, {
    workspace: files_,
    roots: [workspace.root],
    declared: declaredRequirements(files_),
    unmet: options.unmet,
    servers: options.servers ?? [],
    python,
  });
  return { record: run!.record, failure, root: workspace.root };
}

/** A notebook with one code cell per source, as Jupyter writes it. */
export function notebook(...cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: source.split(/(?<=\n)/) })),
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}
