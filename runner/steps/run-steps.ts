import { existsSync, mkdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { MsprError } from '../errors.js';
import type { ProgressListener } from '../progress.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { relativeTo } from '../plan/working-directory.js';
import { EXECUTED_NOTEBOOK_FILE, NOTEBOOK_STATUS_FILE, readNotebookRun } from '../notebook/notebook-run.js';
import { notebookOutputReader } from '../notebook/notebook-progress.js';
import { pythonWithoutSite } from '../tracer/python-without-site.js';
import { newTraceKey, TRACE_KEY_ENV } from '../tracer/trace-seal.js';
import { type PlannedStep, stepSlug } from './plan-steps.js';
import { type StepRecord, stepStatusOf } from './step-record.js';

export interface StepRunOptions {
  sandbox: Sandbox;
  /** Host folder under which each step's trace folder is created (the sandbox sees it as `paths.trace`). */
  hostTraceDir: string;
  /** Host folder of the workspace, to tell a missing entry file before starting anything. */
  hostWorkspaceDir: string;
  onProgress: ProgressListener;
}

export interface StepRun {
  record: StepRecord;
  /** Host folder holding this step's trace files. */
  traceDir: string;
  /** The key this step's tracer sealed its lines with (in memory only: never in a report or on disk). */
  traceKey: Buffer;
}

/**
 * Creates every step's trace folder up front, before the sandbox starts (the docker backend then hands them to
 * its unprivileged user while no candidate code has run yet; see runner/sandbox/docker/sandbox-user.ts).
 */
export function createStepTraceFolders(steps: PlannedStep[], hostTraceDir: string): void {
  for (const [index, step] of steps.entries()) mkdirSync(join(hostTraceDir, stepSlug(index, step.id)), { recursive: true });
}

/**
 * Runs the planned steps one after the other. A step that fails, times out or cannot start is recorded
 * and the next one still runs: later scripts often work on their own, and every result gathered is
 * evidence the jury keeps.
 */
export async function runSteps(steps: PlannedStep[], options: StepRunOptions): Promise<StepRun[]> {
  const runs: StepRun[] = [];
  for (const [index, step] of steps.entries()) {
    options.onProgress({ type: 'step-start', id: step.id, index, total: steps.length });
    const slug = stepSlug(index, step.id);
    const traceDir = join(options.hostTraceDir, slug);
    // Normally made by createStepTraceFolders; a caller that did not gets it now (mkdir never follows a
    // link for the last component, and the docker backend hands over only empty folders of its own).
    mkdirSync(traceDir, { recursive: true });
    // A fresh key per step: a line sealed in one step does not verify in another, nor in another run.
    const traceKey = newTraceKey();
    const record = await runOne(step, posix.join(options.sandbox.paths.trace, slug), traceKey, options);
    if (step.kind === 'notebook' && record.result) {
      const notebook = readNotebookRun(traceDir);
      if (notebook) record.notebook = notebook;
    }
    options.onProgress({ type: 'step-end', record });
    runs.push({ record, traceDir, traceKey });
  }
  return runs;
}

async function runOne(step: PlannedStep, sandboxTraceDir: string, traceKey: Buffer, options: StepRunOptions): Promise<StepRecord> {
  const { sandbox } = options;
  const base = { id: step.id, kind: step.kind, entry: step.entry, ...(step.cwd && step.cwd !== '.' ? { cwd: step.cwd } : {}), optional: step.optional };
  const cwd = step.cwd ?? '.';
  const from = step.reason ? ` (${step.reason})` : '';
  // Both paths are relative to the workspace, whatever folder the step starts from.
  const missing = step.entry && !existsSync(join(options.hostWorkspaceDir, step.entry)) ? step.entry : cwd !== '.' && !existsSync(join(options.hostWorkspaceDir, cwd)) ? `${cwd}/` : undefined;
  if (missing) {
    const error = new MsprError(
      'MSPR_SUBMISSION_UNREADABLE',
      { fr: `Le fichier à exécuter est absent : ${missing}${from}.`, en: `The file to run is missing: ${missing}${from}.` },
      { hint: { fr: 'Vérifiez le chemin dans mspr.yaml (run:), ou voyez le plan avec « mspr-lab plan ».', en: 'Check the path in mspr.yaml (run:), or see the plan with `mspr-lab plan`.' } },
    );
    return { ...base, status: 'error', error: error.toJSON() };
  }
  const env: Record<string, string> = {
    // Services' URLs are already in the sandbox's base environment (SandboxSpec.env); the step's own come on top.
    ...step.env,
    // The tracer's folder stays first: its sitecustomize must be the one Python imports.
    PYTHONPATH: step.pythonPathRoot ? `${sandbox.paths.tracer}:${sandbox.paths.workspace}` : sandbox.paths.tracer,
    PYTHONUNBUFFERED: '1',
    MPLBACKEND: 'Agg',
    MSPR_TRACE_DIR: sandboxTraceDir,
    MSPR_WORKSPACE: sandbox.paths.workspace,
    MSPR_DATASETS_DIR: sandbox.paths.datasets,
    ...(step.kind === 'notebook' && step.entry ? { MSPR_NOTEBOOK: step.entry } : {}),
  };
  const argv = step.kind === 'notebook' ? notebookArgv(sandbox.python, sandbox.paths.tracer, relativeTo(cwd, step.entry!), sandboxTraceDir) : withInterpreter(step.argv, sandbox.python);
  const notebookOutput = step.kind === 'notebook' ? notebookOutputReader(step.id, options.onProgress) : undefined;
  if (!pythonWithoutSite(argv)) env[TRACE_KEY_ENV] = traceKey.toString('hex');
  const result = await sandbox.exec(argv, {
    timeoutMs: step.timeoutSec * 1000,
    ...(cwd !== '.' ? { cwd } : {}),
    env,
    onOutput: (chunk, stream) => {
      if (notebookOutput && stream === 'stdout') return notebookOutput(chunk);
      const line = chunk.trimEnd().split('\n').pop();
      if (line) options.onProgress({ type: 'step-output', id: step.id, line });
    },
  });
  return { ...base, status: stepStatusOf(result), result };
}

/** `python` as a first word means the sandbox's interpreter, which is a setting (Debian's, by default). */
function withInterpreter(argv: string[], python: string): string[] {
  return /^python3?$/.test(argv[0] ?? '') ? [python, ...argv.slice(1)] : argv;
}

/**
 * Executes a notebook top to bottom with mspr-lab's nbclient driver, started from the notebook's folder (the
 * kernel runs there too, as Jupyter does). The driver is run by its path, never `-m`: a `mspr_notebook.py` of the
 * team's beside the notebook would come first on `sys.path` otherwise. The executed copy and the per-cell status go
 * to the trace folder, not the workspace, so grading never adds files to the candidate's tree. The kernel inherits
 * the environment, hence the tracer.
 */
function notebookArgv(python: string, tracerDir: string, notebook: string, outputDir: string): string[] {
  return [python, posix.join(tracerDir, 'mspr_notebook.py'), notebook, posix.join(outputDir, EXECUTED_NOTEBOOK_FILE), posix.join(outputDir, NOTEBOOK_STATUS_FILE)];
}
