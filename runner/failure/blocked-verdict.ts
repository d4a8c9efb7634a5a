import type { Evidence, EvidenceKind, Verdict, VerdictBlock } from '../../checks/verdict.js';
import { t, type Localized } from '../i18n.js';
import type { StepRecord } from '../steps/step-record.js';
import { blocksEvidence, type StepFailure } from './step-failure.js';

/** Evidence the run produces: missing when a step stopped early. Artifacts and static facts are the repository's own. */
const RUN_EVIDENCE: ReadonlySet<EvidenceKind> = new Set(['trace', 'db', 'http']);

/** Steps that failed for a reason that is not the team's code, in run order. */
export function blockingFailures(steps: readonly StepRecord[]): Array<{ step: string; failure: StepFailure }> {
  return steps.flatMap((step) => (blocksEvidence(step.failure) ? [{ step: step.id, failure: step.failure }] : []));
}

/** What a verdict says when those failures kept it from being judged. */
export function blockOf(failures: ReadonlyArray<{ step: string; failure: StepFailure }>): VerdictBlock {
  return {
    owner: failures.some(({ failure }) => failure.owner === 'grader') ? 'grader' : 'environment',
    causes: [...new Set(failures.map(({ failure }) => failure.cause))],
    steps: failures.map(({ step }) => step),
  };
}

/** "the code needs `missingno`, declared in requirements.txt, not installed here — give an index…", both languages. */
export function blockedText(failures: ReadonlyArray<{ failure: StepFailure }>): Localized {
  const unique = (items: Localized[]) => [...new Map(items.map((item) => [item.en, item])).values()];
  const reasons = unique(failures.map(({ failure }) => failure.message));
  const hints = unique(failures.map(({ failure }) => failure.hint));
  return {
    fr: `${reasons.map((r) => lowerFirst(r.fr).replace(/\.$/, '')).join(' ; ')}. ${hints.map((h) => h.fr).join(' ')}`,
    en: `${reasons.map((r) => lowerFirst(r.en).replace(/\.$/, '')).join('; ')}. ${hints.map((h) => h.en).join(' ')}`,
  };
}

/** One evidence item per blocking step: the data a jury and a script need, no prose. */
export function failureEvidence(step: string, failure: StepFailure): Evidence {
  const { owner, cause, module, package: pkg, declaredIn, host, file, exception } = failure;
  const data = Object.fromEntries(Object.entries({ owner, cause, module, package: pkg, declaredIn, host, file, exception }).filter(([, value]) => value !== undefined));
  return { kind: 'step', subject: step, ...(failure.location ? { location: failure.location } : {}), expected: 'ok', actual: cause, data, note: failure.message };
}

/**
 * A check whose evidence comes from the run, and which did not pass while an environment or grader
 * failure stopped a step, is `error` ("could not be judged: …, what to do"), never `fail`: its advice
 * would be to write code the repository may already have. What it found is kept as evidence. A pass
 * stands (what ran counts), and checks of the repository's own files are left alone.
 */
export function blockedVerdict(verdict: Verdict, evidenceKinds: readonly EvidenceKind[], steps: readonly StepRecord[]): Verdict {
  if (verdict.status === 'pass' || verdict.status === 'skip' || verdict.blockedBy) return verdict;
  if (!evidenceKinds.some((kind) => RUN_EVIDENCE.has(kind))) return verdict;
  const failures = blockingFailures(steps);
  if (failures.length === 0) return verdict;
  const text = blockedText(failures);
  // What the check found without that evidence. An error's message is a fact worth keeping ("no SQLite database
  // after the run"); a fail's is advice written for a team whose code ran, so only its key is kept.
  const found: Evidence = {
    kind: evidenceKinds.find((kind) => RUN_EVIDENCE.has(kind))!,
    subject: 'without the blocked steps',
    actual: verdict.status,
    data: { messageKey: verdict.messageKey },
    ...(verdict.status === 'error' ? { note: verdict.message } : {}),
  };
  return {
    ...verdict,
    status: 'error',
    score: 0,
    messageKey: 'blocked',
    message: t(`Non évaluable : ${text.fr}`, `Could not be judged: ${text.en}`),
    evidence: [...failures.map(({ step, failure }) => failureEvidence(step, failure)), found, ...verdict.evidence],
    blockedBy: blockOf(failures),
  };
}

function lowerFirst(text: string): string {
  // Keep "L’interpréteur", "PostgreSQL" and names as they are only when the second letter is upper-case too.
  return /^[A-ZÀ-Ý][a-zà-ÿ’' ]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
