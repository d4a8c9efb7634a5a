import type { RequirementSources } from '../environment/gather-requirements.js';
import type { PlannedStep } from '../steps/plan-steps.js';
import type { RunPlan } from './run-plan.js';

/**
 * What the environment stage reads, from the plan: the dependency files of every folder a step runs from
 * (the root always, `notebooks/` for a notebook, `x` for `cd x && …`), and the requirement files the
 * README or a planned Makefile recipe installs (`pip install -r api/requirements.txt`).
 */
export function requirementSourcesOf(workspaceDir: string, planned: PlannedStep[], plan: Pick<RunPlan, 'requirementFiles'> | undefined): RequirementSources {
  const folders = [...new Set(['.', ...planned.map((step) => step.cwd ?? '.')])];
  const files = [...new Set((plan?.requirementFiles ?? []).map((item) => item.file))];
  return { workspaceDir, folders, files };
}
