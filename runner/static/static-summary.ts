import type { StaticFacts } from './static-facts.js';

/** What the report says of the static reading (`trace.static`): absent when no step stopped, so nothing was read. */
export interface StaticReadingSummary {
  /** Facts read, over every stopped step. */
  facts: number;
  /** The team's files read, per stopped step. */
  files: Record<string, string[]>;
  /** Files not read (too big, refused, not parsed) and facts skipped; apart from the trace's own problems. */
  problems: string[];
}

/** `{ static: … }` for the report's `trace` block, or nothing when the reader was not needed. */
export function staticSummary(facts: StaticFacts): { static?: StaticReadingSummary } {
  if (!facts.available && facts.problems.length === 0) return {};
  const steps = [...facts.files.keys()];
  return {
    static: {
      facts: facts.forSteps(steps).length,
      files: Object.fromEntries([...facts.files].map(([step, files]) => [step, [...files]])),
      problems: [...facts.problems],
    },
  };
}
