import { basename, dirname, relative } from 'node:path';
import { type FileRefusedError, TRACE_FOLDER } from '../safe-read/file-refused.js';
import { DEFAULT_READ_LIMITS } from '../safe-read/read-limits.js';
import { existsInside, readFileInside } from '../safe-read/read-inside.js';
import type { TraceEvent } from './trace-event.js';
import { traceEventProblems } from './trace-validation.js';

/** Read-only access to the tracer's events, grouped by type for checks. */
export interface TraceIndex {
  /** False when no trace was recorded at all (e.g. nothing ran in Python). */
  readonly available: boolean;
  /** Every event in execution order (time, pid, seq). */
  all(): readonly TraceEvent[];
  /** The events of one type, in execution order. */
  ofType<E extends TraceEvent = TraceEvent>(type: string): E[];
  /** Lines that were not valid events, and the tracer's own failures; shown in reports, never fatal. */
  readonly problems: readonly string[];
  /**
   * Trace files the grader refused to read (a link, a FIFO, over the size cap): the tracer writes none of
   * these, so the trace was tampered with and trace-based checks say `error` (checks/support/trace-support.ts).
   */
  readonly refused?: readonly FileRefusedError[];
}

/**
 * Builds an index over events already parsed (tests and the runner share this), in execution order: by time,
 * then pid (which breaks ties between processes writing in the same instant, so the order is the same on every
 * read), then seq. This is the one place events are sorted; `all()` and every `ofType` list keep that order.
 */
export function indexTraceEvents(unordered: TraceEvent[], problems: string[] = [], available = unordered.length > 0, refused: FileRefusedError[] = []): TraceIndex {
  const events = [...unordered].sort((a, b) => a.ts - b.ts || a.pid - b.pid || a.seq - b.seq);
  const byType = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const list = byType.get(event.type) ?? [];
    list.push(event);
    byType.set(event.type, list);
  }
  return {
    available,
    all: () => events,
    ofType: <E extends TraceEvent>(type: string) => (byType.get(type) ?? []) as E[],
    problems,
    refused,
  };
}

/**
 * Reads a JSONL trace file. A malformed line or an event that breaks `trace-event.schema.json` is recorded as
 * a problem and skipped: a candidate's program killed mid-write leaves a partial last line, and the events
 * before it are still evidence. The tracer's own errors stay in the events and are listed as problems too.
 * The file is opened from `root` (a folder of the grader's: the run's trace folder) through the safe reader,
 * with no link followed at all and at most `maxBytes` read; a refusal throws FileRefusedError.
 */
export function readTraceFile(path: string, step?: string, root = dirname(path), maxBytes = DEFAULT_READ_LIMITS.traceBytes): { events: TraceEvent[]; problems: string[] } {
  const rel = relative(root, path) || basename(path);
  if (!existsInside(root, rel, { links: 'none', folder: TRACE_FOLDER })) return { events: [], problems: [] };
  const events: TraceEvent[] = [];
  const problems: string[] = [];
  readFileInside(root, rel, { maxBytes, kind: 'traceBytes' }, { links: 'none', folder: TRACE_FOLDER })
    .toString('utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      try {
        const event = JSON.parse(line) as TraceEvent;
        if (typeof event?.type !== 'string') throw new Error('no "type" field');
        const invalid = traceEventProblems(event);
        if (invalid.length > 0) throw new Error(`invalid ${event.type} event: ${invalid.join('; ')}`);
        if (event.type === 'tracer_error') problems.push(`${path}:${index + 1}: tracer error in ${String(event.where)}: ${String(event.error)}`);
        events.push(step ? { ...event, step } : event);
      } catch (error) {
        problems.push(`${path}:${index + 1}: ${(error as Error).message}`);
      }
    });
  return { events, problems };
}
