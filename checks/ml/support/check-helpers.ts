import type { Localized } from '../../../runner/i18n.js';
import type { TraceEvent } from '../../../runner/tracer/trace-event.js';
import type { CheckContext, CheckOutcome } from '../../check.js';
import type { Evidence } from '../../verdict.js';
import { locationOf } from './locations.js';
import { mlFacts, type MlFacts } from './ml-facts.js';

/** Message every ML check uses when no Python ran with the tracer. */
export const NO_TRACE_MESSAGE: Record<'noTrace', Localized> = {
  noTrace: {
    fr: "Aucune trace d'exécution Python : aucune étape n'a lancé le code du candidat avec le traceur. Vérifiez que le pipeline démarre (voir steps/succeeded) et que mspr.yaml liste les scripts ou notebooks à exécuter.",
    en: 'No Python execution trace: no step ran the candidate’s code with the tracer. Check that the pipeline starts (see steps/succeeded) and that mspr.yaml lists the scripts or notebooks to run.',
  },
};

/** The run's ML facts, or the `skip` outcome to return when there is no trace at all. */
export function factsOrSkip(ctx: CheckContext<unknown>): { facts: MlFacts } | { skip: CheckOutcome } {
  if (!ctx.trace.available) return { skip: { status: 'skip', message: 'noTrace' } };
  return { facts: mlFacts(ctx.trace) };
}

/** An evidence item about a traced call, located at the candidate's line. */
export function traced(subject: string, event: TraceEvent, fields: Omit<Evidence, 'kind' | 'subject' | 'location'> = {}): Evidence {
  const evidence: Evidence = { kind: 'trace', subject, ...fields };
  const location = locationOf(event);
  if (location) evidence.location = location;
  return evidence;
}
