import type { CheckEvidence } from '../../runner/evidence/check-evidence.js';
import { stoppedSteps } from '../../runner/static/stopped-steps.js';
import type { TraceEvent } from '../../runner/tracer/trace-event.js';
import { indexTraceEvents, type TraceIndex } from '../../runner/tracer/trace-index.js';

/** The steps whose code a verdict read instead of watching, and the files read. */
export interface StaticBasis {
  steps: string[];
  files: string[];
}

/** What a check reads: the trace of the run, or (`static` set) a trace-shaped view of the facts read in the code. */
export type EvidenceBasis = { trace: TraceIndex; static?: undefined } | { trace: TraceIndex; static: StaticBasis };

/** The events a check's criterion rests on (e.g. "a search", "a cross-validation"). */
export type Needs = (event: TraceEvent) => boolean;

/** Needs met by any event of these types. */
export const ofTypes =
  (...types: string[]): Needs =>
  (event) =>
    types.includes(event.type);

const views = new WeakMap<TraceIndex, TraceIndex>();

/**
 * The one place that decides whether a check judges on what the run showed or on what the code says.
 *
 * Static facts are used only when all of these hold: a step stopped (failed, timed out, could not start), the
 * run's trace holds no event the check needs (a call that raised counts: the run reached it and saw it fail, which the
 * code cannot contradict), and the code read for the stopped steps holds some. Otherwise the check reads the
 * trace as always — so a step that ran to its end is judged on what it did, never on what its code says, and an
 * observed fact always wins over a static one. The view has the trace's shape (`ofType`, `all`), so a check's
 * logic is the same on both; its verdict says it was read in the code (run-check.ts, runner/static/static-verdict.ts).
 */
export function traceOrStatic(ctx: Pick<CheckEvidence, 'trace' | 'steps'>, needs: Needs): EvidenceBasis {
  const observed = ctx.trace;
  const facts = observed.static;
  if (!facts?.available) return { trace: observed };
  const stopped = stoppedSteps(ctx.steps).map((step) => step.id);
  if (stopped.length === 0) return { trace: observed };
  if (observed.all().some(needs)) return { trace: observed };
  let view = views.get(observed);
  if (!view) {
    // A call at the line where a step raised was reached and failed: the run saw it, so it is no static evidence.
    const crashes = stoppedSteps(ctx.steps).flatMap((step) => (step.failure?.location ? [step.failure.location] : []));
    const crashed = (event: TraceEvent) => crashes.some((at) => event.site?.file === at.file && event.site?.line === at.line && (event.site?.cell ?? null) === (at.cell ?? null));
    view = indexTraceEvents(facts.forSteps(stopped).filter((event) => !crashed(event)), [], true);
    views.set(observed, view);
  }
  const used = view.all().filter(needs);
  if (used.length === 0) return { trace: observed };
  const steps = stopped.filter((id) => used.some((event) => event.step === id));
  const files = [...new Set(steps.flatMap((id) => facts.files.get(id) ?? []))].sort();
  return { trace: view, static: { steps, files } };
}
