import type { Verdict } from '../checks/verdict.js';

/**
 * Points a required verdict earns out of its weight, so that scores are comparable between teams: a skipped
 * or errored check earns 0 and stays in the maximum (a team whose checks could not look is not graded on a
 * smaller total), and a `fail` earns 0 unless the scenario asks for partial credit (`scoring: partial`),
 * when it keeps the check's own partial score (e.g. two tables of three matching).
 */
export function verdictPoints(verdict: Verdict, partial: boolean): number {
  switch (verdict.status) {
    case 'pass':
    case 'warn':
      return verdict.score * verdict.weight;
    case 'fail':
      return partial ? verdict.score * verdict.weight : 0;
    default:
      return 0;
  }
}
