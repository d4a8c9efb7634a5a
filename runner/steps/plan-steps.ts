import { isCandidateStep, isNotebookStep, type Scenario } from '../../scenarios/scenario.js';
import type { EntryPoint } from '../submission/discover-entry-points.js';

/** A step ready to run: one process, with the file it runs when there is one. */
export interface PlannedStep {
  id: string;
  kind: 'command' | 'notebook';
  /** argv for commands (first word `python` = the sandbox's interpreter); unused for notebooks. */
  argv: string[];
  entry?: string;
  timeoutSec: number;
  env: Record<string, string>;
  optional: boolean;
}

/**
 * Expands the scenario's steps into processes: a `candidate` step becomes one step per entry point, named
 * `<step id>:<file>`, so a report says which of the candidate's scripts failed.
 */
export function planSteps(scenario: Scenario, entries: EntryPoint[]): PlannedStep[] {
  const planned: PlannedStep[] = [];
  for (const step of scenario.steps) {
    const common = { timeoutSec: step.timeoutSec ?? scenario.sandbox.timeoutSec, env: step.env ?? {}, optional: step.optional ?? false };
    if (isCandidateStep(step)) {
      for (const entry of entries) {
        if (entry.kind === 'argv') planned.push({ ...common, id: `${step.id}:${entry.argv.join(' ')}`, kind: 'command', argv: entry.argv });
        else if (entry.kind === 'notebook') planned.push({ ...common, id: `${step.id}:${entry.path}`, kind: 'notebook', argv: [], entry: entry.path });
        else planned.push({ ...common, id: `${step.id}:${entry.path}`, kind: 'command', argv: ['python', entry.path], entry: entry.path });
      }
    } else if (isNotebookStep(step)) {
      planned.push({ ...common, id: step.id, kind: 'notebook', argv: [], entry: step.notebook });
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
