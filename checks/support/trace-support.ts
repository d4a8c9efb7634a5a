import type { Localized } from '../../runner/i18n.js';
import type { TraceEvent } from '../../runner/tracer/trace-event.js';
import type { TraceIndex } from '../../runner/tracer/trace-index.js';
import type { CheckContext, CheckOutcome } from '../check.js';
import type { CodeLocation, Evidence } from '../verdict.js';

/** Message every trace-based check (data, database, charts, ML) uses when no Python ran with the tracer. */
export const NO_TRACE: Record<'noTrace', Localized> = {
  noTrace: {
    fr: "Aucune trace d'exécution Python : aucune étape n'a lancé le code du candidat avec le traceur. Vérifiez que le pipeline démarre (voir steps/succeeded) et que mspr.yaml liste les scripts ou notebooks à exécuter.",
    en: 'No Python execution trace: no step ran the candidate’s code with the tracer. Check that the pipeline starts (see steps/succeeded) and that mspr.yaml lists the scripts or notebooks to run.',
  },
};

/**
 * The facts a check derives from the trace (`dataFacts`, `mlFacts`: each cached per trace), or the `skip`
 * outcome to return when nothing was traced at all.
 */
export function factsOrSkip<Facts>(ctx: CheckContext<unknown>, facts: (trace: TraceIndex) => Facts): { facts: Facts } | { skip: CheckOutcome<'noTrace'> } {
  if (!ctx.trace.available) return { skip: { status: 'skip', message: 'noTrace' } };
  return { facts: facts(ctx.trace) };
}

/** An evidence item about a traced call, located at the candidate's line. */
export function traced(subject: string, event: TraceEvent, fields: Omit<Evidence, 'kind' | 'subject' | 'location'> = {}): Evidence {
  const evidence: Evidence = { kind: 'trace', subject, ...fields };
  const location = locationOf(event);
  if (location) evidence.location = location;
  return evidence;
}

/** The candidate's code location of an event, as verdict evidence wants it. */
export function locationOf(event: TraceEvent): CodeLocation | undefined {
  const site = event.site;
  if (!site || typeof site.file !== 'string') return undefined;
  const location: CodeLocation = { file: site.file };
  if (typeof site.line === 'number') location.line = site.line;
  if (typeof site.cell === 'number') location.cell = site.cell;
  return location;
}

/**
 * `train.py:42`, or `analyse.ipynb#3:2` (cell 3, line 2) — for message parameters, which carry no words: the
 * same text reads in a French and an English message (reports' evidence spells the cell out in each language).
 */
export function where(event: TraceEvent | undefined): string {
  const location = event ? locationOf(event) : undefined;
  if (!location) return '?';
  if (location.cell !== undefined) return `${location.file}#${location.cell}${location.line ? `:${location.line}` : ''}`;
  return location.line !== undefined ? `${location.file}:${location.line}` : location.file;
}
