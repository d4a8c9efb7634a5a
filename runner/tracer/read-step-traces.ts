import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceEvent } from './trace-event.js';
import { stepSeal } from './read-sealed-lines.js';
import { indexTraceEvents, readTraceFile, type TraceIndex } from './trace-index.js';

/**
 * Gathers every trace file each step left (one per Python process: the tracer writes
 * `events-<pid>.jsonl`) into one index, each event tagged with its step; the index puts them in execution order.
 * Only lines sealed with the step's own key count (`traceKey`, handed to that step's tracer).
 */
export function readStepTraces(steps: Array<{ stepId: string; traceDir: string; traceKey: Buffer }>): TraceIndex {
  const events: TraceEvent[] = [];
  const problems: string[] = [];
  const audit = { tampering: [] as string[], rejectedLines: 0 };
  let available = false;
  for (const { stepId, traceDir, traceKey } of steps) {
    if (!existsSync(traceDir)) continue;
    const seal = stepSeal(traceKey, traceDir);
    for (const file of readdirSync(traceDir).filter((name) => name.endsWith('.jsonl')).sort()) {
      available = true;
      const read = readTraceFile(join(traceDir, file), stepId, seal);
      events.push(...read.events);
      problems.push(...read.problems);
      audit.tampering.push(...read.tampering);
      audit.rejectedLines += read.rejectedLines;
    }
  }
  return indexTraceEvents(events, problems, available, audit);
}
