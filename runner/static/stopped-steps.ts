import type { StepRecord } from '../steps/step-record.js';

/**
 * Steps that did not run to their end: failed, timed out, killed for memory, or could not start. Their code is
 * what the static reader reads (a step that ended well showed everything it does: the trace is the evidence).
 */
export function stoppedSteps(steps: readonly StepRecord[]): StepRecord[] {
  return steps.filter((step) => step.status !== 'ok' && step.status !== 'skipped');
}
