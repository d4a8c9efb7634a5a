import type { WorkspaceFiles } from '../evidence/workspace-files.js';
import type { DeclaredRequirement, UnmetRequirement } from './declared-requirements.js';

/** What the classifier knows about the run besides the step itself. */
export interface FailureContext {
  /** The team's files as the run left them. */
  workspace: WorkspaceFiles;
  /** Path prefixes under which a traceback's frames are the team's code (host workspace, `/workspace` in a container). */
  roots: string[];
  /** Packages the repository's dependency files declare. */
  declared: readonly DeclaredRequirement[];
  /** Requirements the environment stage could not install, when there was one. */
  unmet?: readonly UnmetRequirement[];
  /** Kinds of the database servers the run started (`postgres`, `mysql`, `mongodb`); empty for SQLite only. */
  servers: readonly string[];
  /** The interpreter the steps ran with, named in the grader's messages. */
  python: string;
}
