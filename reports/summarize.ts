import type { SerializedError } from '../runner/errors.js';
import type { Verdict, VerdictStatus } from '../checks/verdict.js';
import type { RunSummary } from './report.js';
import { verdictPoints } from './score-rules.js';

/**
 * The run's overall status: `error` when the run could not be done; `fail` when a required check did not
 * pass (an `error` verdict included: it was not shown to pass) for any reason but the environment;
 * `error` again when the only required checks not passed are those an environment or grader failure kept
 * from being judged (`notJudged`): nothing truly failed, and nothing could be shown to pass; `pass` otherwise.
 * The score counts required checks only, under `score-rules.ts`: the maximum is the sum of their weights.
 */
export function summarize(verdicts: Verdict[], errors: SerializedError[], scoring: 'strict' | 'partial' = 'strict'): RunSummary {
  const counts: Record<VerdictStatus, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  let score = 0;
  let maxScore = 0;
  for (const verdict of verdicts) {
    counts[verdict.status]++;
    if (!verdict.required) continue;
    score += verdictPoints(verdict, scoring === 'partial');
    maxScore += verdict.weight;
  }
  const requiredNotPassed = verdicts.filter((v) => v.required && (v.status === 'fail' || v.status === 'error')).map((v) => v.id);
  const notJudged = verdicts.filter((v) => v.required && v.status === 'error' && v.blockedBy).map((v) => v.id);
  const failed = requiredNotPassed.length > notJudged.length;
  const status = errors.length > 0 ? 'error' : failed ? 'fail' : notJudged.length > 0 ? 'error' : 'pass';
  // Counted apart: a static verdict stands (pass or fail), but a jury should know it was read, not watched.
  const judgedStatically = verdicts.filter((v) => v.static).map((v) => v.id);
  return { status, score: Math.round(score * 1000) / 1000, maxScore, scoring, counts, requiredNotPassed, notJudged, static: judgedStatically };
}
