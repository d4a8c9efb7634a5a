import type { Localized } from '../i18n.js';

/** Output of a process, kept within a byte cap. The head and tail are kept; the middle is dropped. */
export interface CapturedOutput {
  text: string;
  /** Bytes the process actually wrote. */
  bytes: number;
  truncated: boolean;
}

/**
 * How a process ended. A non-zero exit, a signal, a timeout or an out-of-memory kill are results, not
 * exceptions: the caller decides what they mean.
 */
export interface ExecResult {
  argv: string[];
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Killed by the kernel's OOM killer or the container's memory limit (docker backend only). */
  oomKilled: boolean;
  /** Set when mspr-lab itself ended the process for a reason other than the time limit (e.g. the workspace
   * disk quota), as `<code>: <English text>`; the reason in both languages also ends stderr. */
  stoppedFor?: string;
  /** Set when the step filled or passed the workspace's disk quota, or when it could not be measured
   * (docker backend); the reason in both languages also ends stderr. */
  diskQuota?: DiskQuotaOutcome;
  durationMs: number;
  stdout: CapturedOutput;
  stderr: CapturedOutput;
}

/** What the quota check after a step found (only when there is something to say). */
export interface DiskQuotaOutcome {
  /** `filesystem`: the run's own filesystem of the quota's size (the kernel refuses writes past it);
   * `watch`: the fallback that measures the folders during and after each step. */
  enforcement: 'filesystem' | 'watch';
  /** `reached`: the filesystem is full, writes were refused; `exceeded`: the watch measured more than the
   * limit (the writer may have exited between two passes); `unmeasurable`: the folders could not be measured. */
  state: 'reached' | 'exceeded' | 'unmeasurable';
  /** Bytes the candidate may add to the workspace and trace folders. */
  limitBytes: number;
  /** Bytes it had added when the step ended (null when unmeasurable). */
  usedBytes: number | null;
}

export interface ExecOptions {
  /** Wall-clock limit; the process and all its children are killed when it passes. */
  timeoutMs: number;
  env?: Record<string, string>;
  /** Working directory relative to the workspace (defaults to the workspace root). */
  cwd?: string;
  /** Called with progress text (e.g. the last line printed) for long steps. */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
  /** Ends the process (SIGTERM, then SIGKILL after the grace period) when aborted: a served app is stopped so. */
  signal?: AbortSignal;
}

/** `stoppedFor` of a process ended through `ExecOptions.signal`. */
export const STOPPED_BY_RUNNER = 'MSPR_STOPPED';

export interface SandboxLimits {
  timeoutSec: number;
  memoryMb: number;
  cpus: number;
  pids: number;
  network: 'none' | 'services';
  /** MiB the candidate may add to the workspace and trace folders (docker backend; its default otherwise). */
  diskMb?: number;
}

/** Everything a backend needs to start a sandbox for one submission. */
export interface SandboxSpec {
  runId: string;
  /** Host folder holding the candidate's copy; the only writable place the code gets. */
  workspaceDir: string;
  /** Host folder holding the scenario's datasets, exposed read-only. */
  datasetsDir?: string;
  /** Host folder where the tracer writes its events; writable by the candidate's processes. */
  traceDir: string;
  /** Host folder holding the Python tracer (`sitecustomize.py`), exposed read-only. */
  tracerDir: string;
  limits: SandboxLimits;
  image?: string;
  /** Python interpreter for the local backend (the docker image has its own). */
  python: string;
  /** Environment every exec starts from (on top of a minimal PATH/HOME/LANG). */
  env: Record<string, string>;
  /** Docker network the run's services live on, when the scenario declares services. */
  serviceNetwork?: string;
  /** The team's venv (runner/environment), built for this backend: its interpreter becomes the sandbox's `python`. */
  venv?: { hostDir: string };
  /** The workspace and trace folders must still hold the run's files after `dispose` (`--keep-workspace`). */
  keepFiles?: boolean;
  /** The run serves the team's app: the runner (the host) must reach it by URL (docker: on a per-run internal network). */
  reachable?: boolean;
}

/**
 * A started sandbox. Paths given to `exec` are as the candidate's code sees them (`paths`), which differ
 * between backends (host folders for local, mount points for docker).
 */
export interface Sandbox {
  readonly backend: string;
  /** False when the candidate's code runs unconfined on the host (local backend). */
  readonly isolated: boolean;
  readonly paths: { workspace: string; datasets: string; trace: string; tracer: string };
  /** The interpreter to start Python with inside this sandbox. */
  readonly python: string;
  /** Where the host reaches a server the sandbox runs (`127.0.0.1` locally; the container's address on its
   * internal network for docker, when the spec said `reachable`); absent when nothing can be reached. */
  readonly hostAddress?: string;
  /** Why a server the sandbox runs must not be reached although the spec said `reachable` (no `hostAddress`). */
  readonly unreachable?: Localized;
  exec(argv: string[], options: ExecOptions): Promise<ExecResult>;
  /** Copies a file or folder from the sandbox's view (`paths.*`) to a host path. */
  copyOut(sandboxPath: string, hostPath: string): Promise<void>;
  /**
   * Ends every process (the docker backend removes its container) but keeps the workspace and trace folders
   * readable on the host until `dispose`, for the checks. Absent where there is nothing to keep apart.
   */
  stop?(): Promise<void>;
  /** Always safe to call, several times, whatever state the sandbox is in. Frees everything, files included
   * (the docker backend's quota filesystem is unmounted), unless the spec said `keepFiles`. */
  dispose(): Promise<void>;
  /** Said in the report and on the terminal (e.g. the disk quota fell back to a watch, and why). */
  readonly notice?: Localized;
}

export interface ProbeResult {
  available: boolean;
  /** Why not, and what to do; shown when `auto` falls back or an explicit backend cannot run. */
  reason?: Localized;
  /** E.g. engine version. */
  detail?: string;
}

export interface SandboxBackend {
  readonly name: 'local' | 'docker';
  probe(): Promise<ProbeResult>;
  start(spec: SandboxSpec): Promise<Sandbox>;
}
