import type { SerializedError } from '../errors.js';
import type { StepFailure } from '../failure/step-failure.js';
import type { NotebookRun } from '../notebook/notebook-run.js';
import type { ExecResult } from '../sandbox/sandbox.js';

export type StepStatus = 'ok' | 'failed' | 'timeout' | 'oom' | 'error' | 'skipped';

/** One step as it ran: what was asked, how it ended. */
export interface StepRecord {
  id: string;
  kind: 'command' | 'notebook';
  /** The candidate file the step runs (script or notebook), relative to the workspace, when there is one. */
  entry?: string;
  /** The folder it started from, relative to the workspace, when not the root (run plan: notebooks, `cd x &&`). */
  cwd?: string;
  optional: boolean;
  status: StepStatus;
  result?: ExecResult;
  /** Set when the step could not even start (e.g. the notebook file is missing). */
  error?: SerializedError;
  /** What a notebook step did cell by cell (cells, executed, the failing cell and its error), when the driver said. */
  notebook?: NotebookRun;
  /** Whose failure it is, when the step did not succeed (set after the steps ran; see runner/failure). */
  failure?: StepFailure;
}

/** Maps how a process ended to a step status; a timeout or OOM wins over the exit code it caused. */
export function stepStatusOf(result: ExecResult): StepStatus {
  if (result.timedOut) return 'timeout';
  if (result.oomKilled) return 'oom';
  return result.exitCode === 0 ? 'ok' : 'failed';
}
