import type { Localized } from './i18n.js';
import type { RunPlan } from './plan/run-plan.js';
import type { StepRecord } from './steps/step-record.js';
import type { Verdict } from '../checks/verdict.js';

/** What a run tells whoever watches it (the CLI prints these; tests may collect them). */
export type RunProgress =
  | { type: 'phase'; text: Localized }
  /** What the run will start, before it starts it. */
  | { type: 'plan'; plan: RunPlan }
  | { type: 'step-start'; id: string; index: number; total: number }
  | { type: 'step-output'; id: string; line: string }
  /** A notebook step reached code cell `cell` of `total` (`line`: its first line), or is still in it after `elapsedSec`. */
  | { type: 'notebook-cell'; id: string; cell: number; total: number; line?: string; elapsedSec?: number }
  | { type: 'step-end'; record: StepRecord }
  | { type: 'verdict'; verdict: Verdict }
  /** `excerpt`: lines of the user's file under the notice (a YAML error's caret excerpt). */
  | { type: 'notice'; text: Localized; excerpt?: string };

export type ProgressListener = (event: RunProgress) => void;

export const silentProgress: ProgressListener = () => {};
