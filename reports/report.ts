import type { NotebookRun } from '../runner/notebook/notebook-run.js';
import type { EnvironmentRecord } from '../runner/environment/environment-record.js';
import type { Localized } from '../runner/i18n.js';
import type { RunPlan } from '../runner/plan/run-plan.js';
import type { SerializedError } from '../runner/errors.js';
import type { StepFailure } from '../runner/failure/step-failure.js';
import type { DiskQuotaOutcome } from '../runner/sandbox/sandbox.js';
import type { StepStatus } from '../runner/steps/step-record.js';
import type { SubmissionInfo } from '../runner/submission/submission-info.js';
import type { Verdict, VerdictStatus } from '../checks/verdict.js';
import type { StaticReadingSummary } from '../runner/static/static-summary.js';
import type { CompetencyRollup } from './competencies.js';
import type { ReportImages } from '../runner/report-images/report-image.js';

/** Bumped on any change a consumer must know about; `report.schema.json` is the contract. */
export const REPORT_SCHEMA_VERSION = '1.1';

/** Versions `mspr-lab render` still reads (reports/migrate-report.ts brings them up to date). */
export const READABLE_SCHEMA_VERSIONS = ['1.0', REPORT_SCHEMA_VERSION] as const;

/** How one step ended, as the report keeps it (output trimmed to its tail for readability). */
export interface StepReport {
  id: string;
  kind: 'command' | 'notebook';
  entry?: string;
  argv: string[];
  status: StepStatus;
  optional: boolean;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  oomKilled: boolean;
  /** Why mspr-lab ended the process when it was not the time limit (e.g. `MSPR_DISK_QUOTA: …`). */
  stoppedFor?: string;
  /** The workspace's disk quota was reached (filesystem full), passed (watch) or could not be measured. */
  diskQuota?: DiskQuotaOutcome;
  durationMs: number;
  stdoutTail: string;
  stderrTail: string;
  outputBytes: { stdout: number; stderr: number };
  outputTruncated: boolean;
  error?: SerializedError;
  /** Whose failure it is (candidate, environment, grader) and why, when the step did not succeed. */
  failure?: StepFailure;
  /** What a notebook step did cell by cell (runner/notebook/notebook-run.ts). */
  notebook?: NotebookRun;
}

/** Who the graded work is by: the batch roster's team and members, else the repository's `mspr.yaml` `team:`. */
export interface TeamInfo {
  /** The roster's team name (absent when only a manifest names the members). */
  name?: string;
  members: string[];
  from: 'roster' | 'manifest';
}

export interface ManualReportItem {
  criteria: string[];
  label: Localized;
}

export interface RunSummary {
  /**
   * `error`: the run itself could not be done, or nothing failed but some required checks could not be
   * judged because of the environment (`notJudged`); `fail`: a required check did not pass.
   */
  status: 'pass' | 'fail' | 'error';
  /** Weighted score in [0, maxScore] (reports/score-rules.ts). */
  score: number;
  /** The weights of the required checks: skipped and errored ones included. */
  maxScore: number;
  /** How a failed check counted (the scenario's `scoring`); absent in reports migrated from 1.0, scored the old way. */
  scoring?: 'strict' | 'partial';
  counts: Record<VerdictStatus, number>;
  requiredNotPassed: string[];
  /** Required verdicts that are `error` because an environment or grader failure stopped their evidence. */
  notJudged: string[];
  /** Verdicts judged on facts read in the code, not observed when run (`verdict.static`), counted apart. */
  static: string[];
}

/** The canonical result of grading one submission: every other format renders this, and only this. */
export interface RunReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'mspr-lab'; version: string };
  runId: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  scenario: { id: string; title: Localized; framework: string; bloc: string; source: string };
  submission: SubmissionInfo;
  /** The team, when a roster or the repository's manifest says who it is. */
  team?: TeamInfo;
  sandbox: { backend: string; isolated: boolean; notice?: Localized };
  /** The team's Python environment: each declared requirement installed, already in the image, or unmet. */
  environment?: EnvironmentRecord;
  /** What the runner had to assume (entry points, database file…), so a candidate can correct it. */
  assumptions: Localized[];
  /** What the run planned to start, from which folder and why, and what it left out (absent when the run
   * stopped before planning). */
  plan?: RunPlan;
  steps: StepReport[];
  /** `rejectedLines`: lines whose seal did not hold (forged, edited, copied, repeated), never evidence; absent when 0. */
  /** `static`: the team's code read instead of run where a step stopped (runner/static); absent when none did. */
  trace: { events: number; problems: string[]; rejectedLines?: number; static?: StaticReadingSummary };
  verdicts: Verdict[];
  manual: ManualReportItem[];
  /** Problems with the run itself (unreadable submission, no sandbox…). */
  errors: SerializedError[];
  summary: RunSummary;
  /** Per criterion code of the scenario's framework: its checks, jury items and status (reports/competencies.ts). */
  competencies: CompetencyRollup;
  /** Set by `render` on a report written under an older schema (and migrated in memory): that version. */
  migratedFrom?: string;
  /** How many secrets were masked (as `***`) in this report; absent when none (runner/redaction). */
  redactions?: { count: number };
  /** Thumbnails of the figures the team's code saved and of the audited pages, and those not shown (runner/report-images); absent when none. */
  images?: ReportImages;
}
