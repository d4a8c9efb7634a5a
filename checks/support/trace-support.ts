import { MsprError } from '../../runner/errors.js';
import { t, type Localized } from '../../runner/i18n.js';
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
 * The facts a check derives from the trace (`dataFacts`, `mlFacts`: each cached per trace), or the outcome to
 * return when nothing was traced at all: `fail`, since the criterion was not shown (docs/verdict-statuses.md);
 * when an environment failure is why nothing ran, the runner makes it `error` (checks/run-check.ts). A trace
 * holding files the grader refused (links, FIFOs, oversized files: nothing the tracer writes) was tampered with,
 * so no trace-based check judges on it: each throws, and the runner gives it an `error` verdict naming the files.
 */
export function factsOrSkip<Facts>(ctx: CheckContext<unknown>, facts: (trace: TraceIndex) => Facts): { facts: Facts } | { skip: CheckOutcome<'noTrace'> } {
  if (ctx.trace.refused?.length) throw refusedTrace(ctx.trace);
  if (!ctx.trace.available) return { skip: { status: 'fail', message: 'noTrace' } };
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

function refusedTrace(trace: TraceIndex): MsprError {
  const [first, ...others] = trace.refused!;
  const more = others.length === 0 ? t('', '') : t(` (et ${others.length} ${others.length === 1 ? 'autre' : 'autres'})`, ` (and ${others.length} more)`);
  return new MsprError(
    'MSPR_FILE_REFUSED',
    t(`Trace d'exécution inutilisable : ${first!.text.fr}${more.fr}`, `Execution trace unusable: ${first!.text.en}${more.en}`),
    {
      hint: t(
        'Le traceur n’écrit que des fichiers ordinaires : le code ne doit rien créer ni remplacer dans $MSPR_TRACE_DIR.',
        'The tracer writes only regular files: the code must not create or replace anything in $MSPR_TRACE_DIR.',
      ),
      details: trace.refused!.map((error) => error.details.join('; ')),
    },
  );
}
