import { isCandidateStep, isNotebookStep, isServeStep, type Scenario } from '../../scenarios/scenario.js';
import type { RunPlan } from '../plan/run-plan.js';

/** A step ready to run: one process, with the file it runs when there is one. */
export interface PlannedStep {
  id: string;
  kind: 'command' | 'notebook';
  /** argv for commands (first word `python` = the sandbox's interpreter); unused for notebooks. */
  argv: string[];
  entry?: string;
  /** Working directory relative to the workspace; `.` (the default) is the root. */
  cwd?: string;
  /** Why the step is there (`README.md:12`, `Makefile:7 (target etl)`), from the run plan. */
  reason?: string;
  /** Put the repository root on PYTHONPATH, after the tracer (the code imports its own package). */
  pythonPathRoot?: boolean;
  timeoutSec: number;
  env: Record<string, string>;
  optional: boolean;
}

/**
 * Expands the scenario's steps into processes: a `candidate` step becomes one step per step of the run
 * plan, named `<step id>:<plan step id>`, so a report says which of the candidate's scripts failed.
 */
export function planSteps(scenario: Scenario, plan: Pick<RunPlan, 'steps'>): PlannedStep[] {
  const planned: PlannedStep[] = [];
  for (const step of scenario.steps) {
    // The app is started apart, after every other step (runner/serve/serve-app.ts).
    if (isServeStep(step)) continue;
    const common = { timeoutSec: step.timeoutSec ?? scenario.sandbox.timeoutSec, env: step.env ?? {}, optional: step.optional ?? false };
    if (isCandidateStep(step)) {
      for (const item of plan.steps) {
        planned.push({
          ...common,
          id: `${step.id}:${item.id}`,
          kind: item.kind,
          argv: item.kind === 'notebook' ? [] : item.run,
          ...(item.entry ? { entry: item.entry } : {}),
          cwd: item.cwd,
          reason: item.reason,
          pythonPathRoot: item.pythonPathRoot,
        });
      }
    } else if (isNotebookStep(step)) {
      planned.push({ ...common, id: step.id, kind: 'notebook', argv: [], entry: step.notebook, cwd: step.notebook.includes('/') ? step.notebook.slice(0, step.notebook.lastIndexOf('/')) : '.' });
    } else {
      const entry = step.run[0] && /^python3?$/.test(step.run[0]) ? step.run.find((arg) => arg.endsWith('.py')) : undefined;
      planned.push({ ...common, id: step.id, kind: 'command', argv: step.run, entry });
    }
  }
  return planned;
}

/** File-system-safe folder name for a step's trace (ids contain `:` and `/`). */
export function stepSlug(index: number, id: string): string {
  return `${String(index + 1).padStart(2, '0')}-${id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60)}`;
}
