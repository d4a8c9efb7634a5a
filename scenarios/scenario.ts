import type { Localized } from '../runner/i18n.js';

/** Framework ids, one per seed file (see CRITERIA.md). */
export type FrameworkId = 'cdp-data-ia' | 'dev-ia-ds' | 'cdp-ia-aivancity' | 'cdp-ia' | 'cerf-ia';

export type SandboxBackendName = 'local' | 'docker' | 'auto';

/** Resource limits and isolation the scenario asks for. Defaults are filled by the loader. */
export interface SandboxSettings {
  backend: SandboxBackendName;
  /** Docker image for the candidate's code; ignored by the local backend. */
  image?: string;
  /** Wall-clock limit for each step, in seconds (a step may lower it). */
  timeoutSec: number;
  memoryMb: number;
  cpus: number;
  pids: number;
  /** `none`: no network at all. `services`: only the run's own service containers are reachable. */
  network: 'none' | 'services';
  /** Debian packages (or pip names mapped to theirs) the runtime image must hold (`images build --extra-packages`). */
  packages?: string[];
  /** What the candidate may write into the workspace and trace, in MiB, on top of the repository (docker
   * backend; default 2048). */
  diskMb?: number;
}

export interface DatasetRef {
  /** Name of the file or folder under the package's `datasets/` folder, or a path relative to the scenario file. */
  path: string;
  /** Name under which the candidate sees it in the datasets folder (defaults to the base name). */
  as?: string;
}

export type ServiceKind = 'sqlite' | 'postgres' | 'mysql' | 'mongodb';

export interface ServiceSpec {
  id: string;
  kind: ServiceKind;
  /** For sqlite: the database file in the workspace (the candidate's `mspr.yaml` may override it). */
  path?: string;
  /** Database name for server kinds. */
  database?: string;
}

interface StepBase {
  id: string;
  timeoutSec?: number;
  env?: Record<string, string>;
  /** A step marked optional does not fail `steps/succeeded` when it fails. */
  optional?: boolean;
}

/** An argv array; a first word `python` means the configured interpreter. */
export interface CommandStep extends StepBase {
  run: string[];
}
/** A notebook executed top to bottom. */
export interface NotebookStep extends StepBase {
  notebook: string;
}
/** The candidate's own entry points, from their `mspr.yaml` or discovered. */
export interface CandidateStep extends StepBase {
  candidate: true;
}
/**
 * The team's web app, started after the other steps and exercised over HTTP (runner/serve). Without
 * `command`, the app the run plan discovered (README, Makefile, Dockerfile, compose, or an app object in the code).
 */
export interface ServeStep extends StepBase {
  serve: {
    /** argv; a first word `python` means the sandbox's interpreter. */
    command?: string[];
    /** Working directory relative to the workspace (default the root). */
    cwd?: string;
    /** Port the app listens on inside the sandbox (default: chosen by the runner, given to the app). */
    port?: number;
    /** Path answering once the app is ready (default: the first of `/`, `/docs`, `/health` that answers). */
    ready?: string;
    /** Seconds to wait for readiness (default 60). */
    readyTimeoutSec?: number;
  };
}
export type StepSpec = CommandStep | NotebookStep | CandidateStep | ServeStep;

/** One use of a check in a scenario. */
export interface CheckUse {
  use: string;
  /** Distinguishes two uses of the same check; defaults to `use`. */
  id?: string;
  with?: Record<string, unknown>;
  weight?: number;
  /** A check that is not required can fail without failing the run (exit code stays 0). */
  required?: boolean;
  /** Criterion refs like `cdp-data-ia:C1.9`; the check's own refs are used when absent. */
  criteria?: string[];
}

/** A criterion only the jury can judge; it appears in reports with an empty box. */
export interface ManualItem {
  criteria: string[];
  label: Localized | string;
}

export interface Scenario {
  id: string;
  title: Localized | string;
  framework: FrameworkId;
  bloc: string;
  language: 'python';
  description?: Localized | string;
  /** How a failed check counts in the score (`strict`: 0; `partial`: its own partial score). Default `strict`. */
  scoring: 'strict' | 'partial';
  datasets: DatasetRef[];
  sandbox: SandboxSettings;
  services: ServiceSpec[];
  steps: StepSpec[];
  checks: CheckUse[];
  manual: ManualItem[];
}

/** A scenario as loaded: the validated content plus where it came from (to resolve relative dataset paths). */
export interface LoadedScenario {
  scenario: Scenario;
  /** Absolute path of the file, or `library:<id>` for bundled scenarios. */
  source: string;
  /** Folder relative paths in the scenario resolve against. */
  baseDir: string;
}

export function isCommandStep(step: StepSpec): step is CommandStep {
  return 'run' in step;
}
export function isNotebookStep(step: StepSpec): step is NotebookStep {
  return 'notebook' in step;
}
export function isCandidateStep(step: StepSpec): step is CandidateStep {
  return 'candidate' in step;
}
export function isServeStep(step: StepSpec): step is ServeStep {
  return 'serve' in step;
}
