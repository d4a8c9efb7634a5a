import type { CodeLocation } from '../../checks/verdict.js';
import type { Localized } from '../i18n.js';

/**
 * Whose failure a step's is (DESIGN.md): the team's code (`candidate`), something this machine lacks that the
 * team's code needs — a package, data, a host, a database (`environment`) — or the grading machine itself
 * (`grader`: the run could not be done).
 */
export type FailureOwner = 'candidate' | 'environment' | 'grader';

/** Stable, machine-readable reasons; the prose is in `message` and `hint`. */
export type FailureCause =
  // candidate
  | 'exception'
  | 'syntax-error'
  | 'notebook-cell'
  | 'timeout'
  | 'oom'
  | 'stopped'
  | 'exit-code'
  | 'entry-missing'
  | 'own-module'
  | 'module-not-found'
  | 'undeclared-package'
  | 'file-not-found'
  // environment
  | 'missing-package'
  | 'package-version'
  | 'system-library'
  | 'command-missing'
  | 'network'
  | 'database-missing'
  | 'data-missing'
  // grader
  | 'interpreter-missing'
  | 'data-stack-missing'
  | 'tracer-failed'
  | 'sandbox-failed';

/** Why one step did not succeed, and what to do about it. Never holds the team's secrets (.env values). */
export interface StepFailure {
  owner: FailureOwner;
  cause: FailureCause;
  /** What happened, as a fact: "the code imports `missingno`, declared in requirements.txt, not installed here". */
  message: Localized;
  /** What to do, and by whom (the team, or whoever runs the grader). */
  hint: Localized;
  /** The exception line the decision rests on (`ModuleNotFoundError: No module named 'missingno'`). */
  exception?: string;
  /** Where in the team's code (last frame in the repository, or the notebook cell). */
  location?: CodeLocation;
  /** Python module whose import failed (top-level name). */
  module?: string;
  /** pip distribution that provides `module`. */
  package?: string;
  /** Dependency file that declares `package` (`requirements.txt`, `api/pyproject.toml`). */
  declaredIn?: string;
  /** Host the code tried to reach (download, API, database). */
  host?: string;
  /** File the code tried to read, relative to the repository. */
  file?: string;
}

/** An environment or grader failure: evidence that depends on the run could not be gathered. */
export function blocksEvidence(failure: StepFailure | undefined): failure is StepFailure & { owner: 'environment' | 'grader' } {
  return failure !== undefined && failure.owner !== 'candidate';
}
