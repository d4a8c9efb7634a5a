import { basename, dirname, relative } from 'node:path';
import { type FileRefusedError, TRACE_FOLDER } from '../safe-read/file-refused.js';
import { DEFAULT_READ_LIMITS } from '../safe-read/read-limits.js';
import { existsInside, readFileInside } from '../safe-read/read-inside.js';
import type { StaticFacts } from '../static/static-facts.js';
import { readSealedLines, type StepSeal } from './read-sealed-lines.js';
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
  /** Signs that trace files were forged or altered (also in `problems`): lines rejected, moved or missing. */
  readonly tampering: readonly string[];
  /** Lines rejected because their seal did not hold (or repeated a line): never evidence. */
  readonly rejectedLines: number;
  /**
   * Trace files the grader refused to read (a link, a FIFO, over the size cap): the tracer writes none of
   * these, so the trace was tampered with and trace-based checks say `error` (checks/support/trace-support.ts).
   */
  readonly refused?: readonly FileRefusedError[];
  /**
   * Facts read in the team's code, tagged by step and file, never observed (runner/static): kept apart from the
   * events above, which only the tracer writes. Checks reach them through checks/support/static-basis.ts.
   */
  readonly static?: StaticFacts;
}

/** The same index, with the static reader's facts beside its events (never mixed into `all()` or `ofType`). */
export function withStaticFacts(index: TraceIndex, facts: StaticFacts): TraceIndex {
  return { ...index, static: facts };
}

/** What the seals of a trace said, beside its events (see `read-sealed-lines.ts`), and the files refused unread. */
export interface TraceAudit {
  tampering: string[];
  rejectedLines: number;
  refused?: FileRefusedError[];
}

/**
 * Builds an index over events already parsed (tests and the runner share this), in execution order: by time,
 * then pid (which breaks ties between processes writing in the same instant, so the order is the same on every
 * read), then seq. This is the one place events are sorted; `all()` and every `ofType` list keep that order.
 */
export function indexTraceEvents(
  unordered: TraceEvent[],
  problems: string[] = [],
  available = unordered.length > 0,
  audit: TraceAudit = { tampering: [], rejectedLines: 0 },
): TraceIndex {
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
    tampering: audit.tampering,
    rejectedLines: audit.rejectedLines,
    refused: audit.refused ?? [],
  };
}

/**
 * Reads a JSONL trace file of one step, keeping only lines sealed with that step's key (`seal`). A line without a
 * valid seal is rejected and reported as tampering; a malformed line or an event that breaks
 * `trace-event.schema.json` is recorded as a problem and skipped: a candidate's program killed mid-write leaves a
 * partial last line, and the events before it are still evidence. The tracer's own errors stay in the events and
 * are listed as problems too. The file is opened from `root` (a folder of the grader's: the run's trace folder)
 * through the safe reader, with no link followed at all and at most `maxBytes` read; a refusal throws
 * FileRefusedError.
 */
export function readTraceFile(
  path: string,
  step: string | undefined,
  seal: StepSeal,
  root = dirname(path),
  maxBytes = DEFAULT_READ_LIMITS.traceBytes,
): { events: TraceEvent[]; problems: string[] } & TraceAudit {
  const rel = relative(root, path) || basename(path);
  const options = { links: 'none' as const, folder: TRACE_FOLDER };
  if (!existsInside(root, rel, options)) return { events: [], problems: [], tampering: [], rejectedLines: 0 };
  const events: TraceEvent[] = [];
  const sealed = readSealedLines(readFileInside(root, rel, { maxBytes, kind: 'traceBytes' }, options), path, seal);
  const problems = [...sealed.problems, ...sealed.tampering];
  for (const { line, event } of sealed.events) {
    const at = `${path}:${line}`;
    if (typeof event?.type !== 'string') {
      problems.push(`${at}: no "type" field`);
      continue;
    }
    const invalid = traceEventProblems(event);
    if (invalid.length > 0) {
      problems.push(`${at}: invalid ${event.type} event: ${invalid.join('; ')}`);
      continue;
    }
    const typed = event as unknown as TraceEvent;
    if (typed.type === 'tracer_error') problems.push(`${at}: tracer error in ${String(typed.where)}: ${String(typed.error)}`);
    events.push(step ? { ...typed, step } : typed);
  }
  return { events, problems, tampering: sealed.tampering, rejectedLines: sealed.rejected };
}
