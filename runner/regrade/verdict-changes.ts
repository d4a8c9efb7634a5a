import type { Verdict } from '../../checks/verdict.js';
import { verdictPoints } from '../../reports/score-rules.js';
import type { StoredVerdict } from '../batch/batch-store.js';

/** One verdict whose status or points differ after a regrade; `null` on a side where the check was not there. */
export interface VerdictChange {
  check: string;
  before: { status: string; points: number; weight: number } | null;
  after: { status: string; points: number; weight: number } | null;
}

/**
 * The verdicts a regrade changed: status, or points (score × weight, as the gradebook counts them: what a
 * changed weight or partial score moves), or a check added or removed. A message worded differently with
 * the same status and points is not a change.
 */
export function verdictChanges(before: readonly StoredVerdict[], after: readonly Verdict[], partial: boolean): VerdictChange[] {
  const side = (v: { status: string; score: number; weight: number }, fullCredit: boolean) => ({ status: v.status, points: round(pointsOf(v, fullCredit)), weight: v.weight });
  const old = new Map(before.map((v) => [v.id, v]));
  const changes: VerdictChange[] = [];
  for (const verdict of after) {
    const previous = old.get(verdict.id);
    old.delete(verdict.id);
    const now = side(verdict, partial);
    const then = previous ? side(previous, partial) : null;
    if (!then || then.status !== now.status || then.points !== now.points || then.weight !== now.weight) changes.push({ check: verdict.id, before: then, after: now });
  }
  for (const gone of old.values()) changes.push({ check: gone.id, before: side(gone, partial), after: null });
  return changes;
}

/** As the report counts it (reports/score-rules.ts reads only status, score and weight, which a stored verdict has). */
function pointsOf(v: { status: string; score: number; weight: number }, partial: boolean): number {
  return verdictPoints(v as Verdict, partial);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
