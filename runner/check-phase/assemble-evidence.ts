import type { LoadedScenario } from '../../scenarios/scenario.js';
import type { CheckEvidence } from '../evidence/check-evidence.js';
import type { CommittedFiles } from '../evidence/committed-files.js';
import type { EnvironmentRecord } from '../environment/environment-record.js';
import { createDatabaseAccess, type ServerOpener } from '../evidence/database-access.js';
import type { ServiceEndpoint } from '../evidence/db/service-endpoint.js';
import { createFrameReader } from '../evidence/polars-frame-reader.js';
import { workspaceFiles } from '../evidence/workspace-files.js';
import type { Localized } from '../i18n.js';
import { DATASETS } from '../safe-read/file-refused.js';
import type { ReadLimits } from '../safe-read/read-limits.js';
import type { OwnTestsRecord } from '../own-tests/own-tests-record.js';
import type { StepRecord } from '../steps/step-record.js';
import type { CandidateManifest } from '../submission/candidate-manifest.js';
import type { SubmissionInfo } from '../submission/submission-info.js';
import type { TraceIndex } from '../tracer/trace-index.js';
import type { HttpEvidence } from '../serve/http-evidence.js';

/** Where the evidence of one submission is: a run's folders just after its steps, or what a batch kept of them. */
export interface EvidenceSources {
  scenario: LoadedScenario;
  workspaceDir: string;
  datasetsDir: string;
  /** A grader-owned folder for the copies databases are opened from. */
  scratchDir: string;
  steps: readonly StepRecord[];
  trace: TraceIndex;
  submission: SubmissionInfo;
  manifest: CandidateManifest | undefined;
  endpoints: ReadonlyMap<string, ServiceEndpoint>;
  /** Committed SQLite files the run did not write (evidence of a past run). */
  unwritten: ReadonlySet<string>;
  readLimits: ReadLimits;
  note: (text: Localized) => void;
  /** The team's Python environment as the environment stage left it. */
  environment?: EnvironmentRecord;
  /** How server databases are opened: live by default; recorded (batch) or replayed (regrade). */
  openServer?: ServerOpener;
  /** The team's app as the serve stage started and exercised it (runner/serve). */
  http?: HttpEvidence;
  /** The team's own tests, when the run ran them. */
  ownTests?: OwnTestsRecord;
  /** What the team committed in the files the runner rewrote (the run's `.env`). */
  committed?: CommittedFiles;
}

export type AssembledEvidence = CheckEvidence & { databases: CheckEvidence['databases'] & { closeAll(): Promise<void> } };

/**
 * The evidence checks read, from wherever it is: `runSubmission` and `regrade` both build it here, so a
 * re-graded verdict reads exactly what the first one read, through the same safe readers.
 */
export function assembleEvidence(sources: EvidenceSources): AssembledEvidence {
  const { scenario } = sources.scenario;
  const workspace = workspaceFiles(sources.workspaceDir, sources.readLimits);
  return {
    workspace,
    datasets: scenario.datasets.length > 0 ? workspaceFiles(sources.datasetsDir, sources.readLimits, DATASETS) : undefined,
    steps: sources.steps,
    trace: sources.trace,
    frames: createFrameReader(),
    databases: createDatabaseAccess({
      services: scenario.services,
      manifest: sources.manifest,
      workspace,
      endpoints: sources.endpoints,
      note: sources.note,
      scratchDir: sources.scratchDir,
      unwritten: sources.unwritten,
      openServer: sources.openServer,
    }),
    manifest: sources.manifest,
    submission: sources.submission,
    environment: sources.environment,
    ...(sources.http ? { http: sources.http } : {}),
    ...(sources.ownTests ? { ownTests: sources.ownTests } : {}),
    ...(sources.committed?.size ? { committed: sources.committed } : {}),
  };
}
