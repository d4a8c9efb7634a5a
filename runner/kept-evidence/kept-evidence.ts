import type { CheckUse, ServiceKind } from '../../scenarios/scenario.js';
import type { EnvironmentRecord } from '../environment/environment-record.js';
import type { Localized } from '../i18n.js';
import type { RefusalFacts, RefusalReason } from '../safe-read/file-refused.js';
import type { StepRecord } from '../steps/step-record.js';
import type { CandidateManifest } from '../submission/candidate-manifest.js';
import type { SubmissionInfo } from '../submission/submission-info.js';
import type { TraceEvent } from '../tracer/trace-event.js';
import type { RunInputs } from './run-inputs.js';

/**
 * What a batch keeps of one run so `mspr-lab regrade` can judge it again without running the team's code:
 * `<evidence>/workspace/` (the team's files as the steps left them: outputs and SQLite files included),
 * `run.json` (this), `trace.json` (the verified trace) and `databases/<service>.json` (what was read from
 * server databases). Written by the grader after the checks; trusted by the regrade as its own.
 */
// 2: `inputs` (what the run depended on besides the team's code), so a regrade can tell what it cannot reuse.
export const KEPT_EVIDENCE_VERSION = 2;

export interface KeptRun {
  version: typeof KEPT_EVIDENCE_VERSION;
  keptAt: string;
  steps: StepRecord[];
  submission: SubmissionInfo;
  manifest: CandidateManifest | null;
  /** Committed SQLite files the run did not write, workspace-relative. */
  unwritten: string[];
  /** Server services as the checks reached them (no password, no URL): enough to label the replayed facts. */
  endpoints: Array<{ serviceId: string; kind: ServiceKind; host?: string; port?: number; database?: string }>;
  /** Workspace files not copied (over the size caps), so a regrade can say why a check now misses them. */
  notKept: Array<{ path: string; reason: string }>;
  /** The environment record the checks read (which requirements were met). */
  environment?: EnvironmentRecord;
  /** The scenario's steps, sandbox, services and dataset bytes the run had. */
  inputs: RunInputs;
  /** What the team committed in the files the runner rewrote before the steps (runner/evidence/committed-files.ts). */
  committed?: Record<string, string | null>;
  /** The check uses the run was judged with: a check a regrade cannot run again keeps its verdict only if its use is the same. */
  checks: CheckUse[];
}

/**
 * The trace as the run's checks saw it: only lines whose seal held, already tagged with their step. The
 * keys the lines were sealed with are never written; this copy is the grader's own, made after verification.
 */
export interface KeptTrace {
  available: boolean;
  events: TraceEvent[];
  problems: string[];
  tampering: string[];
  rejectedLines: number;
  refused: Array<{ path: string; reason: RefusalReason; facts: RefusalFacts }>;
}

/** One answer a database gave during the run, under the call that asked it (`countRows ["ventes"]`). */
export interface KeptAnswer {
  value?: unknown;
  error?: { code: string; message: Localized };
}

export interface KeptDatabase {
  serviceId: string;
  kind: ServiceKind;
  label: string;
  answers: Record<string, KeptAnswer>;
}
