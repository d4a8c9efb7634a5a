import type { RunProgress } from '../progress.js';

/** How the notebook driver marks its progress lines on stdout (runner/tracer/python/mspr_notebook.py). */
const PREFIX = '##mspr-notebook## ';

/**
 * Turns a notebook step's output into progress: the driver's `cellule n/m` lines become `notebook-cell` events,
 * other lines stay `step-output`. Output comes in chunks that may cut a line, so a partial line waits for its end.
 * The kernel shares the driver's stdout, so a line may be forged: it only moves the progress shown, never a verdict.
 */
export function notebookOutputReader(id: string, emit: (event: RunProgress) => void): (chunk: string) => void {
  let pending = '';
  return (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    if (pending.length > 64 * 1024) pending = '';
    for (const line of lines) {
      const event = progressLine(id, line.trimEnd());
      if (event) emit(event);
      else if (line.trim()) emit({ type: 'step-output', id, line: line.trimEnd() });
    }
  };
}

function progressLine(id: string, line: string): RunProgress | undefined {
  if (!line.startsWith(PREFIX)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line.slice(PREFIX.length));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { cell, total, state, line: source, elapsedSec } = value as Record<string, unknown>;
  if (!Number.isInteger(cell) || !Number.isInteger(total)) return undefined;
  return {
    type: 'notebook-cell',
    id,
    cell: cell as number,
    total: total as number,
    ...(state === 'running' && Number.isInteger(elapsedSec) ? { elapsedSec: elapsedSec as number } : {}),
    ...(state === 'start' && typeof source === 'string' ? { line: source.slice(0, 200) } : {}),
  };
}
