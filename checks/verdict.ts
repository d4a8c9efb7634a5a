import type { Localized } from '../runner/i18n.js';

export type VerdictStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'error';

/** Where evidence comes from (CRITERIA.md): strongest first, `static` is used only when nothing ran. */
export type EvidenceKind = 'trace' | 'artifact' | 'db' | 'http' | 'git' | 'static' | 'step';

/** A place in the candidate's code. `cell` is the 1-based notebook cell when the code ran in a notebook. */
export interface CodeLocation {
  file: string;
  line?: number;
  cell?: number;
}

/**
 * One fact behind a verdict: what was looked at (`subject`), what was found and what was expected.
 * Facts are data, not prose, so every renderer (and a jury) can read them the same way.
 */
export interface Evidence {
  kind: EvidenceKind;
  /** What the fact is about, e.g. `table sales`, `data/sales.csv`, `train_test_split`. */
  subject: string;
  location?: CodeLocation;
  expected?: string | number | boolean;
  actual?: string | number | boolean | null;
  /** Any other values worth showing (sizes, params, column names). */
  data?: Record<string, unknown>;
  note?: Localized;
}

/**
 * Set on an `error` verdict that could not be judged because a step failed for a reason that is not the
 * team's code (a package, data, host or database this machine lacks, or the grader itself).
 */
export interface VerdictBlock {
  owner: 'environment' | 'grader';
  /** Stable causes (`missing-package`, `network`…), see runner/failure/step-failure.ts. */
  causes: string[];
  /** Ids of the steps that failed so. */
  steps: string[];
}

/** The judgement on one criterion for one submission. */
export interface Verdict {
  /** Instance id from the scenario (defaults to the check id). */
  id: string;
  checkId: string;
  title: Localized;
  status: VerdictStatus;
  /** In [0,1]; partial credit where the check can measure it. */
  score: number;
  weight: number;
  required: boolean;
  message: Localized;
  /** Which of the check's message templates was used (`mismatch`, `pass`…), or `error`: a stable, machine-readable reason. */
  messageKey: string;
  evidence: Evidence[];
  criteria: string[];
  durationMs: number;
  /** Why the check could not be judged, when an environment or grader failure stopped the run's evidence. */
  blockedBy?: VerdictBlock;
  /**
   * Judged on facts read in the team's code, not observed when run (a step stopped before the tracer could see
   * them; runner/static): the message says so and the evidence is `static`. Counted apart in the summary.
   */
  static?: true;
}
