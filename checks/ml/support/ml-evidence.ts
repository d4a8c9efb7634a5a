import type { TraceEvent } from '../../../runner/tracer/trace-event.js';
import type { TraceIndex } from '../../../runner/tracer/trace-index.js';
import type { CheckContext, CheckOutcome } from '../../check.js';
import { type Needs, type StaticBasis, traceOrStatic } from '../../support/static-basis.js';
import { factsOrSkip, traced, where } from '../../support/trace-support.js';
import { mlFacts, type MlFacts } from './ml-facts.js';

/** The ML facts a check judges on, from the run's trace or (`static` set) from the code read instead. */
export type MlEvidence = { facts: MlFacts; trace: TraceIndex; static?: StaticBasis } | { skip: CheckOutcome<'noTrace'> };

/**
 * `factsOrSkip(ctx, mlFacts)` for ML checks that can judge on facts read in the code: when static-basis.ts says so
 * (a step stopped before the tracer saw what `needs` asks for), the facts come from the static view, with the same
 * derivations (roles through split outputs, models and their applications). A tampered trace still throws.
 */
export function mlEvidence(ctx: CheckContext<unknown>, needs: Needs): MlEvidence {
  if (!ctx.trace.refused?.length) {
    const basis = traceOrStatic(ctx, needs);
    if (basis.static) return { facts: mlFacts(basis.trace), trace: basis.trace, static: basis.static };
  }
  const got = factsOrSkip(ctx, mlFacts);
  return 'skip' in got ? got : { facts: got.facts, trace: ctx.trace };
}

/** What ML checks rest on, as `needs`. */
export const NEEDS = {
  split: (e: TraceEvent) => (e.type === 'split' && e.kind !== 'cv_splitter') || (e.type === 'fit' && Boolean(e.y)),
  models: (e: TraceEvent) => (e.type === 'fit' && Boolean(e.y)) || e.type === 'search',
  applied: (e: TraceEvent) => e.type === 'predict' && e.method !== 'transform',
  metrics: (e: TraceEvent) => e.type === 'metric' || (e.type === 'predict' && e.method === 'score'),
  search: (e: TraceEvent) => e.type === 'search',
  crossValidation: (e: TraceEvent) => e.type === 'cv' || e.type === 'search' || (e.type === 'split' && e.kind === 'cv_splitter'),
  overfitting: (e: TraceEvent) => e.type === 'metric' || (e.type === 'predict' && e.method === 'score') || e.type === 'cv' || e.type === 'search',
} satisfies Record<string, Needs>;

/** `train_test_split(test_size=0.2, random_state=42)` as the code wrote it (constants, or the code left unresolved). */
export function callText(name: string, event: TraceEvent, fields: readonly string[]): string {
  const unresolved = (event.unresolved ?? {}) as Record<string, string>;
  const parts: string[] = [];
  for (const field of fields) {
    if (field in unresolved) parts.push(`${field}=${unresolved[field]}`);
    else if (event[field] !== undefined && event[field] !== null) parts.push(`${field}=${JSON.stringify(event[field])}`);
  }
  return `${name}(${parts.join(', ')})`;
}

/** For checks that judge on what only the run shows (row counts, the target's values): the static verdict's text. */
export const STATIC_NEEDS_RUN: Record<'staticNeedsRun', { fr: string; en: string }> = {
  staticNeedsRun: {
    fr: "le code lu montre {found}, mais ce critère se juge sur les données que le code manipule, connues seulement à l'exécution. Faites tourner le code (voir steps/succeeded) pour le juger.",
    en: 'the code read shows {found}, but this criterion is judged on the data the code handles, known only when it runs. Run the code (see steps/succeeded) to judge it.',
  },
};

/**
 * The outcome of such a check where the step stopped and the code holds what it would look at (`needs`): `error`
 * (could not be judged), marked static, naming the calls found — never the "no model was trained" of a run that
 * trained none. Undefined when the check should judge the trace as usual.
 */
export function needsRun(ctx: CheckContext<unknown>, needs: Needs): CheckOutcome<'staticNeedsRun'> | undefined {
  if (ctx.trace.refused?.length) return undefined;
  const basis = traceOrStatic(ctx, needs);
  if (!basis.static) return undefined;
  const used = basis.trace.all().filter(needs).slice(0, 3);
  // A search event's `estimator` is the described estimator (an object): its class names it.
  const label = (value: unknown) => (value && typeof value === 'object' ? String((value as { class?: unknown }).class ?? '?') : String(value));
  const name = (event: TraceEvent) => `${label(event.estimator ?? event.search ?? event.function ?? event.type)}.${String(event.method ?? 'fit')}`;
  const found = used.map((event) => `${name(event)} (${where(event)})`).join(', ');
  const evidence = used.map((event) => traced(name(event), event, { actual: null }));
  return { status: 'error', message: 'staticNeedsRun', params: { found }, evidence, static: basis.static };
}
