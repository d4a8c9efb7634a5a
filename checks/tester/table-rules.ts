import type { CheckCase } from '../tester.js';
import type { Verdict } from '../verdict.js';

/**
 * What a check's table leaves untested, RuleTester-strict: no case that passes, no case that fails or warns
 * (a check never seen failing catches nothing), a case that does not name its message key (a status alone
 * lets the wrong reason pass), and no passing or no failing case stating the evidence it expects (the
 * evidence is what a jury reads; it must be pinned somewhere).
 */
export function tableProblems(cases: { valid: readonly CheckCase[]; invalid: readonly CheckCase[] }): string[] {
  const problems: string[] = [];
  const failing = cases.invalid.filter((row) => row.expect.status === 'fail' || row.expect.status === 'warn');
  if (cases.valid.length === 0) problems.push('no valid case: add one that passes (the evidence of a repository that meets the criterion)');
  if (failing.length === 0) problems.push('no invalid case that fails or warns: add one (the evidence of a repository that misses the criterion)');
  for (const row of [...cases.valid, ...cases.invalid]) {
    if (!row.expect.message) problems.push(`case "${row.name}": name its message key (expect.message), not only its status`);
  }
  if (cases.valid.length > 0 && !cases.valid.some((row) => row.expect.evidence?.length)) problems.push('no valid case states its evidence (expect.evidence): pin what a passing verdict shows');
  if (failing.length > 0 && !failing.some((row) => row.expect.evidence?.length)) problems.push('no failing case states its evidence (expect.evidence): pin what a failing verdict shows');
  return problems;
}

/**
 * A check that compared nothing never passes: a `pass` must carry at least one evidence item saying what
 * was found (`actual`) or what was required of it (`expected`). A pass with no evidence is a check that
 * found nothing to look at, which is a `skip` or a `fail`.
 */
export function passProblems(verdict: Pick<Verdict, 'status' | 'evidence'>): string[] {
  if (verdict.status !== 'pass') return [];
  if (verdict.evidence.some((item) => item.actual !== undefined || item.expected !== undefined)) return [];
  return [
    verdict.evidence.length === 0
      ? 'a pass with no evidence: a check that compared nothing never passes (return the facts it compared, or skip/fail when there was nothing to compare)'
      : 'a pass whose evidence states neither `actual` nor `expected`: say what was compared',
  ];
}
