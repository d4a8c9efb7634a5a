import type { SerializedError } from '../errors.js';
import { workspaceFiles } from '../evidence/workspace-files.js';
import type { StepRun } from '../steps/run-steps.js';
import { classifyStep } from './classify-step.js';
import { declaredRequirements, type UnmetRequirement } from './declared-requirements.js';
import type { FailureContext } from './failure-context.js';

export interface ClassifyStepsInput {
  /** Host folder of the workspace. */
  workspaceDir: string;
  /** The workspace as the sandbox showed it to the code (`/workspace` in a container). */
  sandboxWorkspace: string;
  python: string;
  /** Kinds of the database servers started for the run. */
  servers: readonly string[];
  /** From the environment stage, when there is one. */
  unmet?: readonly UnmetRequirement[];
}

/**
 * Sets `failure` on every step that did not succeed and returns the grader's faults among them as run
 * errors: a run whose tracer or sandbox broke could not be done (exit 2), whatever the checks say.
 */
export function classifySteps(runs: readonly StepRun[], input: ClassifyStepsInput): SerializedError[] {
  const failed = runs.filter((run) => run.record.status !== 'ok' && run.record.status !== 'skipped');
  if (failed.length === 0) return [];
  const workspace = workspaceFiles(input.workspaceDir);
  const context: FailureContext = {
    workspace,
    roots: [...new Set([input.workspaceDir, input.sandboxWorkspace])],
    declared: declaredRequirements(workspace),
    unmet: input.unmet,
    servers: input.servers,
    python: input.python,
  };
  const errors: SerializedError[] = [];
  for (const { record } of failed) {
    record.failure = classifyStep(record, context);
    if (record.failure?.owner === 'grader') {
      errors.push({ code: 'MSPR_GRADER_FAULT', message: { fr: `${record.id} : ${record.failure.message.fr}`, en: `${record.id}: ${record.failure.message.en}` }, hint: record.failure.hint, details: record.failure.exception ? [record.failure.exception] : [] });
    }
  }
  return errors;
}
