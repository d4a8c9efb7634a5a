import { readFileInside } from '../safe-read/read-inside.js';
import { TRACE_FOLDER } from '../safe-read/file-refused.js';

/** The file the notebook driver (runner/tracer/python/mspr_notebook.py) keeps in the step's trace folder. */
export const NOTEBOOK_STATUS_FILE = 'notebook-run.json';
/** The executed copy of the notebook, beside it (never in the candidate's tree). */
export const EXECUTED_NOTEBOOK_FILE = 'executed.ipynb';

/** The cell a notebook stopped at, with what it raised. */
export interface NotebookCellFailure {
  /** 1-based among the notebook's code cells (as the trace's `site.cell`). */
  cell: number;
  /** The cell's first non-blank source line (capped). */
  line: string;
  /** The exception's class (`FileNotFoundError`), empty when the kernel gave none. */
  name: string;
  message: string;
}

/** What a notebook step did, cell by cell, as the driver recorded it (`StepRecord.notebook`). */
export interface NotebookRun {
  /** Code cells in the notebook. */
  cells: number;
  /** Code cells that ran to their end without error. */
  executed: number;
  /** The driver reached the last cell and saved the executed notebook. */
  completed: boolean;
  /** The cell that was running when the step was stopped (time limit, memory): no reply came. */
  running?: number;
  failed?: NotebookCellFailure;
}

const MAX_STATUS_BYTES = 64 * 1024;
const MAX_TEXT = 500;

/**
 * Reads the driver's status file back. The candidate's kernel could write in the trace folder too, so the file
 * is hostile input: no link followed, a small cap, each field checked; anything else reads as undefined.
 * The step's exit code (from the sandbox, not from this file) stays what says whether the notebook succeeded.
 */
export function readNotebookRun(traceDir: string): NotebookRun | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileInside(traceDir, NOTEBOOK_STATUS_FILE, { maxBytes: MAX_STATUS_BYTES, kind: 'textBytes' }, { links: 'none', folder: TRACE_FOLDER }).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !count(value.total) || !count(value.executed)) return undefined;
  const run: NotebookRun = { cells: value.total, executed: Math.min(value.executed, value.total), completed: value.done === true };
  if (count(value.running) && value.running >= 1) run.running = value.running;
  const failed = value.failed;
  if (isRecord(failed) && count(failed.cell) && failed.cell >= 1) {
    run.failed = { cell: failed.cell, line: text(failed.line), name: text(failed.name).slice(0, 100), message: text(failed.message) };
  }
  return run;
}

/** `cellule 7/12 : `df = …` → FileNotFoundError` is built from these: the cell's position and first line. */
export function failedCellLabel(run: NotebookRun): { position: string; line: string; error: string } | undefined {
  const cell = run.failed?.cell ?? run.running;
  if (cell === undefined) return undefined;
  return { position: `${cell}/${run.cells}`, line: run.failed?.line ?? '', error: run.failed?.name ?? '' };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const count = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1_000_000;
const text = (value: unknown): string => (typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, MAX_TEXT) : '');
