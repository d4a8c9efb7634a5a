import type { Verdict } from '../../checks/verdict.js';
import { blockingFailures, blockOf, failureEvidence } from '../failure/blocked-verdict.js';
import { t, type Localized } from '../i18n.js';
import type { StepRecord } from '../steps/step-record.js';

/** What a static basis names: the steps stopped and the team's files read instead. */
interface Basis {
  steps: string[];
  files: string[];
}

/**
 * A verdict judged on facts read in the code: it says so first, in both languages ("Lu dans le code, non observé à
 * l’exécution : …"), then why the code was not watched (each stopped step and its failure, whose it is). Its
 * evidence is `static` rather than `trace`, with the stopped steps' failures beside it; an `error` (something the
 * code leaves unresolved) carries `blockedBy` when the stop was the environment's, so the summary counts it as not
 * judged, never as the team's failure. The environment's rule for run evidence (blocked-verdict.ts) does not
 * apply: the evidence is the repository's own code.
 */
export function staticVerdict(verdict: Verdict, basis: Basis, steps: readonly StepRecord[]): Verdict {
  const stopped = steps.filter((step) => basis.steps.includes(step.id));
  const why = stopped.map((step) => stopText(step));
  const reason: Localized = {
    fr: why.map((w) => w.fr).join(' ; '),
    en: why.map((w) => w.en).join('; '),
  };
  // An error here is something the code leaves to the run (a size read from a file): not judged, and said so.
  const lead = verdict.status === 'error' ? t('Non évaluable d’après le code lu (non exécuté)', 'Could not be judged from the code read (not run)') : t('Lu dans le code, non observé à l’exécution', 'Read in the code, not observed when run');
  const message = t(`${lead.fr} : ${lowerFirst(verdict.message.fr)} (Non exécuté : ${reason.fr}.)`, `${lead.en}: ${lowerFirst(verdict.message.en)} (Not run: ${reason.en}.)`);
  const failures = stopped.flatMap((step) => (step.failure ? [failureEvidence(step.id, step.failure)] : []));
  const evidence = [...verdict.evidence.map((item) => (item.kind === 'trace' ? { ...item, kind: 'static' as const } : item)), ...failures];
  const blocking = blockingFailures(stopped);
  const blockedBy = verdict.status === 'error' && blocking.length > 0 ? { blockedBy: blockOf(blocking) } : {};
  return { ...verdict, static: true, message, evidence, ...blockedBy };
}

function stopText(step: StepRecord): Localized {
  const failure = step.failure;
  if (!failure) return t(`étape ${step.id} : ${step.status}`, `step ${step.id}: ${step.status}`);
  return t(`étape ${step.id} : ${lowerFirst(failure.message.fr).replace(/\.$/, '')}`, `step ${step.id}: ${lowerFirst(failure.message.en).replace(/\.$/, '')}`);
}

function lowerFirst(text: string): string {
  // "Part d'entraînement…" reads on after the colon; "PostgreSQL", "GridSearchCV", "RMSE" keep their case.
  // Only a first word in lower case after its capital: GridSearchCV, RMSE, PostgreSQL, Ridge.fit keep theirs.
  return /^[A-ZÀ-Ý][a-zà-ÿ’']*(?=[\s,:;!?)]|$)/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
