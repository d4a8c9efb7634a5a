import type { TraceIndex } from '../../runner/tracer/trace-index.js';
import type { CheckContext, CheckOutcome } from '../check.js';
import { type Needs, type StaticBasis, traceOrStatic } from './static-basis.js';
import { factsOrSkip } from './trace-support.js';

/**
 * `factsOrSkip` for checks that can judge on facts read in the code (charts, reads): where static-basis.ts says so
 * (a step stopped before the tracer saw what `needs` asks for, and its code holds some), the facts come from the
 * static view and `static` is set, for the check to return with its outcome (the runner then says "read in the
 * code, not observed when run"). Otherwise the run's trace, as always; a tampered trace still throws.
 */
export function factsOrStatic<Facts>(ctx: CheckContext<unknown>, needs: Needs, facts: (trace: TraceIndex) => Facts): { facts: Facts; static?: StaticBasis } | { skip: CheckOutcome<'noTrace'> } {
  if (!ctx.trace.refused?.length) {
    const basis = traceOrStatic(ctx, needs);
    if (basis.static) return { facts: facts(basis.trace), static: basis.static };
  }
  return factsOrSkip(ctx, facts);
}
