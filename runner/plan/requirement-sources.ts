import { posix } from 'node:path';
import type { RequirementSources } from '../environment/gather-requirements.js';
import type { PlannedStep } from '../steps/plan-steps.js';
import type { RunPlan } from './run-plan.js';

/**
 * What the environment stage reads, from the plan: the dependency files of the root, of every folder a step
 * runs from (`notebooks/` for a notebook, `x` for `cd x && …`) and of the folder holding the file it runs
 * (`python etl/main.py` runs from the root, but etl/requirements.txt is that script's), then the requirement
 * files the README or a planned Makefile recipe installs (`pip install -r requirements/base.txt`).
 */
export function requirementSourcesOf(workspaceDir: string, planned: PlannedStep[], plan: Pick<RunPlan, 'requirementFiles'> | undefined): RequirementSources {
  const folders = new Set(['.']);
  for (const step of planned) {
    folders.add(step.cwd ?? '.');
    if (step.entry) folders.add(posix.dirname(step.entry));
  }
  const files = [...new Set((plan?.requirementFiles ?? []).map((item) => item.file))];
  return { workspaceDir, folders: [...folders], files };
}
