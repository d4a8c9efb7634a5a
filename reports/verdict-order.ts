import type { Verdict, VerdictStatus } from '../checks/verdict.js';

/** What a jury reads first: failures, then what could not be judged, warnings, skips, and passes last. */
const RANK: Record<VerdictStatus, number> = { fail: 0, error: 1, warn: 2, skip: 3, pass: 4 };

/** The verdicts, failures before passes, in report order within each status (a stable sort). */
export function failuresFirst(verdicts: readonly Verdict[]): Verdict[] {
  return [...verdicts].sort((a, b) => RANK[a.status] - RANK[b.status]);
}
