import type { Localized } from '../runner/i18n.js';
import type { StepReport } from './report.js';

/** Problems that are not the team's code, grouped by what to do about them. */
export interface EnvironmentProblem {
  owner: 'environment' | 'grader';
  /** What to do, shared by every item of the group. */
  hint: Localized;
  items: Array<{ step: string; cause: string; message: Localized }>;
}

/**
 * The steps that failed because of the environment or the grader, grouped by their hint, so that "give an
 * index with --pip-index" is said once for every missing package. Grader problems come first.
 */
export function environmentProblems(steps: readonly StepReport[]): EnvironmentProblem[] {
  const groups = new Map<string, EnvironmentProblem>();
  for (const step of steps) {
    const failure = step.failure;
    if (!failure || failure.owner === 'candidate') continue;
    const key = `${failure.owner}\u0000${failure.hint.en}`;
    const group = groups.get(key) ?? { owner: failure.owner, hint: failure.hint, items: [] };
    if (!group.items.some((item) => item.message.en === failure.message.en)) group.items.push({ step: step.id, cause: failure.cause, message: failure.message });
    else group.items.find((item) => item.message.en === failure.message.en)!.step += `, ${step.id}`;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.owner === b.owner ? 0 : a.owner === 'grader' ? -1 : 1));
}
