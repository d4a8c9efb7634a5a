import type { CodeImports } from '../static/read-code-imports.js';
import type { CommittedFiles } from './committed-files.js';
import type { ServiceSpec } from '../../scenarios/scenario.js';
import type { AccessibilityEvidence } from '../browser/page-audit.js';
import type { EnvironmentRecord } from '../environment/environment-record.js';
import type { DbInspector } from './db/db-inspector.js';
import type { FrameReader } from './frame-reader.js';
import type { WorkspaceFiles } from './workspace-files.js';
import type { OwnTestsRecord } from '../own-tests/own-tests-record.js';
import type { StepRecord } from '../steps/step-record.js';
import type { TraceIndex } from '../tracer/trace-index.js';
import type { CandidateManifest } from '../submission/candidate-manifest.js';
import type { SubmissionInfo } from '../submission/submission-info.js';
import type { HttpEvidence } from '../serve/http-evidence.js';

/** Databases the run knows about, opened lazily and read-only by the runner. */
export interface DatabaseAccess {
  readonly services: readonly ServiceSpec[];
  /** Opens (once) the service with this id, or the only/first one when no id is given. */
  open(serviceId?: string): Promise<DbInspector>;
  /** The SQLite file opened so far that the repository carries and the run did not write, if any. */
  pastRun?(): string | undefined;
}

/**
 * The evidence a check may read, gathered by the runner before checks start. Everything here is read-only
 * and cached, so ten checks reading the same CSV read it once.
 */
export interface CheckEvidence {
  /** The candidate's files as the run left them. */
  workspace: WorkspaceFiles;
  /** The committed text of the files the runner rewrote before the steps (the run's `.env`); absent when none. */
  committed?: CommittedFiles;
  /** The scenario's datasets (read-only copies). */
  datasets: WorkspaceFiles | undefined;
  steps: readonly StepRecord[];
  trace: TraceIndex;
  frames: FrameReader;
  databases: DatabaseAccess;
  manifest: CandidateManifest | undefined;
  submission: SubmissionInfo;
  /** The team's Python environment: which declared requirements were installed, found in the image, or unmet. */
  environment?: EnvironmentRecord;
  /** The libraries the team's code imports (runner/static/read-code-imports.ts); absent when not read. */
  imports?: CodeImports;
  /** The team's app, started and exercised by the runner (absent when the run had no serve stage). */
  http?: HttpEvidence;
  /** The team's own test suites as the run ran them (runner/own-tests); absent when the scenario does not ask. */
  ownTests?: OwnTestsRecord;
  /** The axe-core audit of the team's served HTML pages (runner/browser), when an app was served. */
  accessibility?: AccessibilityEvidence;
}
