import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../../runner/paths.js';
import type { ProgressListener } from '../../runner/progress.js';
import { LocalBackend } from '../../runner/sandbox/local-backend.js';
import { resolvePython } from '../../runner/settings.js';
import { runSteps } from '../../runner/steps/run-steps.js';
import { readStepTraces } from '../../runner/tracer/read-step-traces.js';
import type { TraceIndex } from '../../runner/tracer/trace-index.js';
import type { StepRecord } from '../../runner/steps/step-record.js';
import { tempRepo } from './temp-repo.js';

/** A notebook file (nbformat 4) whose code cells are these sources, each after a markdown cell when one is given. */
export function notebookJson(cells: Array<string | { markdown: string }>): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    cells: cells.map((cell, index) =>
      typeof cell === 'string'
        ? { id: `c${index}`, cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: cell }
        : { id: `c${index}`, cell_type: 'markdown', metadata: {}, source: cell.markdown },
    ),
  });
}

/** Really runs these notebooks (kernel and all) through the step runner and mspr-lab's driver, traced. */
export async function runNotebooks(files: Record<string, string>, entries: string[], onProgress: ProgressListener = () => {}): Promise<{ records: StepRecord[]; workspaceRoot: string; trace: TraceIndex }> {
  const workspace = tempRepo(files);
  const traceDir = mkdtempSync(join(tmpdir(), 'mspr-trace-'));
  const sandbox = await new LocalBackend().start({
    runId: 'test',
    workspaceDir: workspace.root,
    traceDir,
    tracerDir: packagePath('runner/tracer/python'),
    limits: { timeoutSec: 120, memoryMb: 1024, cpus: 1, pids: 128, network: 'none' },
    python: resolvePython(),
    env: {},
  });
  try {
    const planned = entries.map((entry) => ({ id: `pipeline:${entry}`, kind: 'notebook' as const, argv: [], entry, cwd: entry.includes('/') ? entry.slice(0, entry.lastIndexOf('/')) : '.', timeoutSec: 120, env: {}, optional: false }));
    const runs = await runSteps(planned, { sandbox, hostTraceDir: traceDir, hostWorkspaceDir: workspace.root, onProgress });
    const trace = readStepTraces(runs.map((run) => ({ stepId: run.record.id, traceDir: run.traceDir, traceKey: run.traceKey })), 64 * 1024 * 1024);
    return { records: runs.map((run) => run.record), workspaceRoot: workspace.root, trace };
  } finally {
    await sandbox.dispose();
  }
}
