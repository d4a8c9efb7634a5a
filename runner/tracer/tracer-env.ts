import { packagePath } from '../paths.js';

/** Folder holding `sitecustomize.py` and the `mspr_tracer` package; goes first on the step's PYTHONPATH. */
export const TRACER_PYTHON_DIR: string = packagePath('runner/tracer/python');

/** Where a step's code runs and writes its events, as the code sees those folders (sandbox paths). */
export interface TracerEnvOptions {
  /** The tracer folder inside the sandbox (defaults to TRACER_PYTHON_DIR, right for the local backend). */
  tracerDir?: string;
  /** Folder this step's events go to (one `events-<pid>.jsonl` per process). */
  traceDir: string;
  /** Workspace root: call sites are reported relative to it, and only frames under it count as the candidate's. */
  workspace: string;
  /** For a notebook step: the notebook's path relative to the workspace, so events carry the code cell index. */
  notebook?: string;
  /** The PYTHONPATH the step would have without the tracer; kept after the tracer folder. */
  pythonPath?: string;
}

/**
 * The environment variables that turn the tracer on for one step. The tracer is inert without
 * MSPR_TRACE_DIR, so a step run without these behaves exactly as untraced.
 */
export function tracerEnv(options: TracerEnvOptions): Record<string, string> {
  const tracerDir = options.tracerDir ?? TRACER_PYTHON_DIR;
  const env: Record<string, string> = {
    PYTHONPATH: options.pythonPath ? `${tracerDir}:${options.pythonPath}` : tracerDir,
    MSPR_TRACE_DIR: options.traceDir,
    MSPR_WORKSPACE: options.workspace,
  };
  if (options.notebook) env.MSPR_NOTEBOOK = options.notebook;
  return env;
}
