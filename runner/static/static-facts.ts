import type { TraceEvent } from '../tracer/trace-event.js';

/**
 * Facts the static reader read in the team's code (runner/tracer/python/mspr_static), in the trace's event shapes
 * with `observed: false`: what the code would do, never what it did. Each event carries the step whose entry was
 * read (`step`) and the file it is in (`site.file`). Checks reach them only through checks/support/static-basis.ts,
 * which uses them where a step stopped before the tracer could see the evidence.
 */
export interface StaticFacts {
  /** False when nothing was read: every step ran to its end, no Python could run the reader, no source to read. */
  readonly available: boolean;
  /** The facts read from the entries of these steps, in the order their code would run. */
  forSteps(steps: readonly string[]): TraceEvent[];
  /** The team's files read, per step (the entry and the modules it imports). */
  readonly files: ReadonlyMap<string, readonly string[]>;
  /** Files not read (too big, not parsed, over the reader's budget) and invalid facts; shown in reports. */
  readonly problems: readonly string[];
}

/** One step's reading, as the reader's response gives it. */
export interface StaticReading {
  step: string;
  entry: string;
  files: string[];
  events: TraceEvent[];
}

export const NO_STATIC_FACTS: StaticFacts = { available: false, forSteps: () => [], files: new Map(), problems: [] };

/** Facts grouped by step; within a step, entries in the order read and each entry's events in code order. */
export function staticFacts(readings: readonly StaticReading[], problems: readonly string[]): StaticFacts {
  const files = new Map<string, string[]>();
  for (const reading of readings) files.set(reading.step, [...new Set([...(files.get(reading.step) ?? []), ...reading.files])].sort());
  return {
    available: readings.length > 0,
    forSteps: (steps) => {
      const wanted = new Set(steps);
      let offset = 0;
      const events: TraceEvent[] = [];
      // Each entry's ts restarts at 1: shifted so entries read one after the other stay in that order once sorted.
      for (const reading of readings) {
        if (!wanted.has(reading.step)) continue;
        for (const event of reading.events) events.push({ ...event, ts: offset + event.ts });
        offset += reading.events.length + 1;
      }
      return events;
    },
    files,
    problems,
  };
}
