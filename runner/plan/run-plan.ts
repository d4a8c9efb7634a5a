import type { Localized } from '../i18n.js';
import type { PlannedApp } from '../serve/discover-app.js';

/** Where a plan's steps came from: the repository's own mspr.yaml, discovery, or an instructor's file. */
export type PlanOrigin = 'manifest' | 'discovered' | 'external-manifest';

/** One thing the run will start, with the folder it starts from and why it is in the plan. */
export interface PlanStep {
  /** Short, stable name: the entry file when the step is `python <file>`, else the command. */
  id: string;
  kind: 'command' | 'notebook';
  /**
   * argv for commands (a first word `python` means the sandbox's interpreter); for notebooks, the
   * notebook's path relative to the workspace (it is executed with nbconvert).
   */
  run: string[];
  /** Working directory relative to the workspace, `.` for the root (a notebook's is its own folder). */
  cwd: string;
  /** Where the step was read: `README.md:12`, `Makefile:7 (target etl)`, `mspr.yaml:3`… */
  reason: string;
  /** The candidate file it runs (script, module file or notebook), relative to the workspace. */
  entry?: string;
  /** The code imports the repository's own package (`from src.x import …`): the root goes on PYTHONPATH. */
  pythonPathRoot: boolean;
}

/** Something the repository names that the plan leaves out, and why (tests, installers, servers…). */
export interface SkippedItem {
  /** The file or the command left out. */
  path: string;
  reason: Localized;
  /** Where it was read, when it came from a file (`README.md:20`). */
  source?: string;
}

/** A requirements file the README (or a Makefile recipe of the plan) installs with `pip install -r`. */
export interface RequirementFile {
  /** Relative to the workspace. */
  file: string;
  /** Where the install command was read. */
  reason: string;
}

/** What to run, in which order, from which folder, and why: built before anything runs. */
export interface RunPlan {
  origin: PlanOrigin;
  /** The file the plan was read from when it was not discovered (`mspr.yaml`, or the instructor's file). */
  manifestFile?: string;
  steps: PlanStep[];
  skipped: SkippedItem[];
  requirementFiles: RequirementFile[];
  /** The team's web app, when the repository names one (started only by a scenario's `serve` step). */
  app?: PlannedApp;
  /** What the jury and the team should know (the source of the plan, a database the code needs…). */
  notes: Localized[];
}

/** A step as a source proposes it, before ids, import analysis and deduplication. */
export interface DraftStep {
  kind: 'command' | 'notebook';
  run: string[];
  cwd: string;
  reason: string;
  entry?: string;
}

/** A command that names a file, module, notebook or Makefile target the repository does not have. */
export interface MissingTarget {
  /** What is missing, as the command names it (`src/main.py`, `make train`'s `train`). */
  name: string;
  /** The command as written. */
  command: string;
  /** Where it was read (`README.md:12`). */
  source: string;
  reason: Localized;
}

/** What a discovery source hands back. */
export interface SourceFindings {
  steps: DraftStep[];
  skipped: SkippedItem[];
  requirementFiles: RequirementFile[];
  /** Collected only when the caller asks (repo/files-present judges a README by them); the plan lists them as skipped. */
  missing?: MissingTarget[];
}

export const emptyFindings = (): SourceFindings => ({ steps: [], skipped: [], requirementFiles: [] });
