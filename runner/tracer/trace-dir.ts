import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceEvent } from './trace-event.js';
import { readTraceFile } from './trace-index.js';

/** Trace files are `events-<pid>.jsonl`: one per Python process of the step (joblib workers included). */
const TRACE_FILE = /^events-\d+\.jsonl$/;

/**
 * Reads every trace file of one step's trace folder. Events are ordered by time, then process and sequence,
 * so events of worker processes fall between their parent's. Problems (bad lines, invalid events, the
 * tracer's own errors) are collected, never thrown.
 */
export function readTraceDir(dir: string, step?: string): { events: TraceEvent[]; problems: string[] } {
  if (!existsSync(dir)) return { events: [], problems: [] };
  const events: TraceEvent[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir).filter((n) => TRACE_FILE.test(n)).sort()) {
    const read = readTraceFile(join(dir, name), step);
    events.push(...read.events);
    problems.push(...read.problems);
  }
  events.sort((a, b) => a.ts - b.ts || a.pid - b.pid || a.seq - b.seq);
  return { events, problems };
}
