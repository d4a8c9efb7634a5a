import { MsprError, stackOf } from '../runner/errors.js';
import type { CheckEvidence } from '../runner/evidence/check-evidence.js';
import { type Lang, localize, type Localized } from '../runner/i18n.js';
import type { CheckUse } from '../scenarios/scenario.js';
import type { CheckModule, CheckOutcome } from './check.js';
import { blockedVerdict } from '../runner/failure/blocked-verdict.js';
import { withPastRunNote } from '../runner/evidence/past-run-databases.js';
import { staticVerdict } from '../runner/static/static-verdict.js';
import { loadCheck } from './registry.js';
import type { Verdict } from './verdict.js';

const DEFAULT_SCORE = { pass: 1, warn: 0.5, fail: 0, skip: 0, error: 0 } as const;

/** Runs one check use from a scenario (options already validated by the loader). */
export async function runCheck(use: CheckUse, evidence: CheckEvidence, lang: Lang): Promise<Verdict> {
  const check = await loadCheck(use.use);
  if (!check) {
    const base = { id: use.id ?? use.use, checkId: use.use, weight: use.weight ?? 1, required: use.required ?? true, criteria: use.criteria ?? [] };
    return { ...base, ...errorVerdict(new Error(`unknown check ${use.use}`)), title: { fr: use.use, en: use.use }, durationMs: 0 };
  }
  return runCheckModule(check, use, evidence, lang);
}

/**
 * Runs a check module and always returns a verdict. A check that throws gets `error` with what it threw:
 * never a silent pass, never a fail the candidate did not earn.
 */
export async function runCheckModule(check: CheckModule<any>, use: CheckUse, evidence: CheckEvidence, lang: Lang): Promise<Verdict> {
  const started = Date.now();
  const base = {
    id: use.id ?? use.use,
    checkId: use.use,
    weight: use.weight ?? 1,
    required: use.required ?? true,
  };
  const criteria = use.criteria ?? check.meta.criteria;
  try {
    const outcome = await check.run({ ...evidence, options: use.with ?? {}, lang });
    const verdict: Verdict = { ...base, title: check.meta.title, criteria, ...fromOutcome(check, outcome), durationMs: Date.now() - started };
    // Read in the code rather than watched: the verdict says so; the rule for missing run evidence does not apply.
    if (outcome.static) return staticVerdict(verdict, outcome.static, evidence.steps);
    return afterRun(verdict, check, evidence);
  } catch (error) {
    return afterRun({ ...base, title: check.meta.title, criteria, ...errorVerdict(error), durationMs: Date.now() - started }, check, evidence);
  }
}

/**
 * What every verdict owes to the run as a whole: `error` rather than `fail` when an environment or grader
 * failure kept its evidence from being gathered (runner/failure), and a word when the database it read is
 * a committed file the run did not write (evidence of a past run).
 */
function afterRun(verdict: Verdict, check: CheckModule<any>, evidence: CheckEvidence): Verdict {
  const judged = blockedVerdict(verdict, check.meta.evidence, evidence.steps);
  return check.meta.evidence.includes('db') ? withPastRunNote(judged, evidence.databases.pastRun?.()) : judged;
}

type Judgement = Pick<Verdict, 'status' | 'score' | 'message' | 'messageKey' | 'evidence' | 'blockedBy'>;

function fromOutcome(check: CheckModule<any>, outcome: CheckOutcome): Judgement {
  const template = check.meta.messages[outcome.message];
  const message: Localized = template
    ? localize(template, outcome.params)
    : { fr: `[message inconnu ${outcome.message}]`, en: `[unknown message ${outcome.message}]` };
  return {
    status: outcome.status,
    score: clamp(outcome.score ?? DEFAULT_SCORE[outcome.status]),
    message,
    messageKey: outcome.message,
    evidence: outcome.evidence ?? [],
    ...(outcome.blockedBy ? { blockedBy: outcome.blockedBy } : {}),
  };
}

function errorVerdict(error: unknown): Judgement {
  if (error instanceof MsprError) {
    const hint = error.hint;
    return {
      status: 'error',
      score: 0,
      messageKey: 'error',
      message: {
        fr: `Vérification impossible : ${error.text.fr}${hint ? ` ${hint.fr}` : ''}`,
        en: `Could not check: ${error.text.en}${hint ? ` ${hint.en}` : ''}`,
      },
      evidence: [{ kind: 'step', subject: error.code, data: error.details.length > 0 ? { details: error.details } : undefined }],
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  return {
    status: 'error',
    score: 0,
    messageKey: 'error',
    message: { fr: `La vérification a échoué sur une erreur interne : ${text}`, en: `The check failed with an internal error: ${text}` },
    evidence: [{ kind: 'step', subject: 'MSPR_INTERNAL', data: stackOf(error) ? { stack: stackOf(error) } : undefined }],
  };
}

function clamp(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}
