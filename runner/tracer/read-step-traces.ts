import { basename, dirname } from 'node:path';
import { FileRefusedError, TRACE_FOLDER } from '../safe-read/file-refused.js';
import { DEFAULT_READ_LIMITS } from '../safe-read/read-limits.js';
import { release, resolveInside } from '../safe-read/resolve-inside.js';
import { entryNames } from '../safe-read/open-folder.js';
import type { TraceEvent } from './trace-event.js';
import { stepSeal } from './read-sealed-lines.js';
import { indexTraceEvents, readTraceFile, type TraceIndex } from './trace-index.js';

/**
 * Gathers every trace file each step left (one per Python process: the tracer writes
 * `events-<pid>.jsonl`) into one index, each event tagged with its step; the index puts them in execution order.
 * Only lines sealed with the step's own key count (`traceKey`, handed to that step's tracer).
 *
 * The parent of the step folders (the run's trace folder) is the grader's; the step folders and what is in
 * them were writable by the candidate, so they are opened through the safe reader with no link followed: a
 * step folder or a `.jsonl` that is a link, a FIFO, a socket or over `maxBytes` is refused, listed in
 * `refused`, and never read.
 */
export function readStepTraces(steps: Array<{ stepId: string; traceDir: string; traceKey: Buffer }>, maxBytes = DEFAULT_READ_LIMITS.traceBytes): TraceIndex {
  const events: TraceEvent[] = [];
  const problems: string[] = [];
  const audit = { tampering: [] as string[], rejectedLines: 0, refused: [] as FileRefusedError[] };
  let available = false;
  for (const { stepId, traceDir, traceKey } of steps) {
    const root = dirname(traceDir);
    const stepFolder = basename(traceDir);
    let names: string[];
    try {
      names = traceFileNames(root, stepFolder);
    } catch (error) {
      if (!(error instanceof FileRefusedError)) throw error;
      audit.refused.push(error);
      problems.push(error.text.en);
      continue;
    }
    const seal = stepSeal(traceKey, traceDir);
    for (const file of names) {
      available = true;
      try {
        const read = readTraceFile(`${traceDir}/${file}`, stepId, seal, root, maxBytes);
        events.push(...read.events);
        problems.push(...read.problems);
        audit.tampering.push(...read.tampering);
        audit.rejectedLines += read.rejectedLines;
      } catch (error) {
        if (!(error instanceof FileRefusedError)) throw error;
        audit.refused.push(error);
        problems.push(error.text.en);
      }
    }
  }
  return indexTraceEvents(events, problems, available, audit);
}

/** The `.jsonl` names in a step's trace folder (none when it does not exist), sorted. */
function traceFileNames(root: string, stepFolder: string): string[] {
  const resolution = resolveInside(root, stepFolder, 'none');
  try {
    if (resolution.kind === 'refused') throw new FileRefusedError(stepFolder, resolution.reason, TRACE_FOLDER, resolution.facts);
    if (resolution.kind !== 'folder') return []; // no folder, no trace (a file there holds no events either)
    return entryNames(resolution.folder).filter((name) => name.endsWith('.jsonl')).sort();
  } finally {
    release(resolution);
  }
}
