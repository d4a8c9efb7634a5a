import type { Localized } from '../../../runner/i18n.js';
import type { CheckContext, CheckOutcome } from '../../check.js';
import { dataFacts, type DataFacts } from './data-facts.js';

/** Message every trace-based data check uses when no Python ran with the tracer. */
export const NO_TRACE: Record<'noTrace', Localized> = {
  noTrace: {
    fr: "Aucune trace d'exécution Python : aucune étape n'a lancé le code du candidat avec le traceur. Vérifiez que le pipeline démarre (voir steps/succeeded) et que mspr.yaml liste les scripts ou notebooks à exécuter.",
    en: 'No Python execution trace: no step ran the candidate’s code with the tracer. Check that the pipeline starts (see steps/succeeded) and that mspr.yaml lists the scripts or notebooks to run.',
  },
};

/** The run's data facts, or the `skip` outcome when nothing was traced at all. */
export function dataOrSkip(ctx: CheckContext<unknown>): { facts: DataFacts } | { skip: CheckOutcome } {
  if (!ctx.trace.available) return { skip: { status: 'skip', message: 'noTrace' } };
  return { facts: dataFacts(ctx.trace) };
}

/** The dataset file names a scenario hands out (CSV, XLSX, JSON), for options that default to "all of them". */
export function datasetSources(ctx: CheckContext<unknown>): string[] {
  return (ctx.datasets?.list() ?? []).filter((path) => /\.(csv|xlsx|xlsm|json|jsonl|ndjson)$/i.test(path));
}
