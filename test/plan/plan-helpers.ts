import { buildRunPlan, type PlanInput } from '../../runner/plan/build-run-plan.js';
import type { RunPlan } from '../../runner/plan/run-plan.js';
import { tempRepo } from '../helpers/temp-repo.js';

/** Builds the plan of a throw-away repository holding `files`. */
export function planOf(files: Record<string, string>, input: Omit<PlanInput, 'workspaceDir'> = {}): RunPlan {
  return buildRunPlan({ workspaceDir: tempRepo(files).root, ...input });
}

/** The parts of each step a test compares exactly. */
export function stepsOf(plan: RunPlan): Array<{ run: string[]; cwd: string; reason: string }> {
  return plan.steps.map(({ run, cwd, reason }) => ({ run, cwd, reason }));
}

/** Each skipped item as `path (source): English reason`. */
export function skippedOf(plan: RunPlan): string[] {
  return plan.skipped.map((item) => `${item.path}${item.source ? ` (${item.source})` : ''}: ${item.reason.en}`);
}

export const GUARD = '\n\nif __name__ == "__main__":\n    main()\n';
export const script = (body = 'print("ok")') => `def main():\n    ${body}\n${GUARD}`;
