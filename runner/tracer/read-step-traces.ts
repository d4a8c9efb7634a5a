import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceEvent } from './trace-event.js';
import { indexTraceEvents, readTraceFile, type TraceIndex } from './trace-index.js';

/**
 * Gathers every trace file each step left (one per Python process: the tracer writes
 * `events-<pid>.jsonl`) into one index, each event tagged with its step; the index puts them in execution order.
 */
export function readStepTraces(steps: Array<{ stepId: string; traceDir: string }>): TraceIndex {
  const events: TraceEvent[] = [];
  const problems: string[] = [];
  let available = false;
  for (const { stepId, traceDir } of steps) {
    if (!existsSync(traceDir)) continue;
    for (const file of readdirSync(traceDir).filter((name) => name.endsWith('.jsonl')).sort()) {
      available = true;
      const read = readTraceFile(join(traceDir, file), stepId);
      events.push(...read.events);
      problems.push(...read.problems);
    }
  }
  return indexTraceEvents(events, problems, available);
}
