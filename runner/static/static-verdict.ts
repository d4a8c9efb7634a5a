import type { Verdict } from '../../checks/verdict.js';
import { blockedText, blockingFailures, blockOf, failureEvidence } from '../failure/blocked-verdict.js';
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
 * evidence is `static` rather than `trace`, with the stopped steps' failures beside it.
 *
 * With main's rule for environment and grader failures (runner/failure/blocked-verdict.ts): a static pass stands
 * (the repository's own code shows it), but a run the environment stopped never says `fail` — a static fail or
 * error becomes `error` with `blockedBy`, "Non évaluable : <what the machine lacks>. Lu dans le code : <what the
 * check found>", so the jury still reads what the code says and the summary counts it as not judged. When the stop
 * is the team's own (a crash, missing data), a static fail stands as the run would have given it.
 */
export function staticVerdict(verdict: Verdict, basis: Basis, steps: readonly StepRecord[]): Verdict {
  const stopped = steps.filter((step) => basis.steps.includes(step.id));
  const why = stopped.map((step) => stopText(step));
  const reason: Localized = {
    fr: why.map((w) => w.fr).join(' ; '),
    en: why.map((w) => w.en).join('; '),
  };
  const failures = stopped.flatMap((step) => (step.failure ? [failureEvidence(step.id, step.failure)] : []));
  const evidence = [...verdict.evidence.map((item) => (item.kind === 'trace' ? { ...item, kind: 'static' as const } : item)), ...failures];
  const blocking = blockingFailures(stopped);
  const read = { fr: lowerFirst(verdict.message.fr), en: lowerFirst(verdict.message.en) };
  if (verdict.status !== 'pass' && verdict.status !== 'skip' && blocking.length > 0) {
    const text = blockedText(blocking);
    const message = t(`Non évaluable : ${text.fr} Lu dans le code, non observé à l’exécution : ${read.fr}`, `Could not be judged: ${text.en} Read in the code, not observed when run: ${read.en}`);
    return { ...verdict, status: 'error', score: 0, static: true, message, evidence, blockedBy: blockOf(blocking) };
  }
  // An error here is something the code leaves to the run (a size read from a file): not judged, and said so.
  const lead = verdict.status === 'error' ? t('Non évaluable d’après le code lu (non exécuté)', 'Could not be judged from the code read (not run)') : t('Lu dans le code, non observé à l’exécution', 'Read in the code, not observed when run');
  const message = t(`${lead.fr} : ${read.fr} (Non exécuté : ${reason.fr}.)`, `${lead.en}: ${read.en} (Not run: ${reason.en}.)`);
  return { ...verdict, static: true, message, evidence };
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
