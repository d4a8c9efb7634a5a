import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { venvEnvironment, venvPython } from '../environment/venv-activation.js';
import { t } from '../i18n.js';
import { onShutdown } from '../shutdown.js';
import { killProcessGroup } from './process-group.js';
import { killTagged, newStepTag } from './tagged-processes.js';
import { DEFAULT_OUTPUT_CAP_BYTES, OutputCapture } from './output-capture.js';
import { type ExecOptions, type ExecResult, type Sandbox, type SandboxBackend, type SandboxSpec, STOPPED_BY_RUNNER } from './sandbox.js';

/** Seconds a timed-out process group gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 2_000;
/** How long to wait for output pipes to close once the main process has exited (orphans may hold them). */
const PIPE_DRAIN_MS = 1_000;

/** Said in every report made with this backend: the candidate's code ran with the grader's rights. */
export const LOCAL_ISOLATION_NOTICE = t(
  'Bac à sable local : le code du candidat s’exécute directement sur cette machine, SANS isolation (réseau, fichiers, ressources). À réserver à son propre dépôt ; utilisez --sandbox docker pour du code non fiable.',
  'Local sandbox: the candidate’s code runs directly on this machine WITHOUT isolation (network, files, resources). Use it for your own repository; use --sandbox docker for untrusted code.',
);

/**
 * Runs steps as plain child processes in the workspace. Each step gets its own process group so a timeout
 * kills the whole tree (a `while True` in a subprocess included), and an environment tag that finds the
 * processes that left the group (`setsid`, double forks); the environment is rebuilt from scratch
 * so the grader's secrets do not leak into the candidate's code. It does not isolate anything else.
 */
export class LocalBackend implements SandboxBackend {
  readonly name = 'local' as const;

  constructor(private readonly outputCapBytes = DEFAULT_OUTPUT_CAP_BYTES) {}

  async probe() {
    return { available: true, detail: `node ${process.version}` };
  }

  async start(spec: SandboxSpec): Promise<Sandbox> {
    const capBytes = this.outputCapBytes;
    const path = process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin';
    const baseEnv: Record<string, string> = {
      PATH: path,
      HOME: spec.workspaceDir,
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TMPDIR: process.env.TMPDIR ?? '/tmp',
      ...(spec.venv ? venvEnvironment(spec.venv.hostDir, path) : {}),
      ...spec.env,
    };
    return {
      backend: 'local',
      isolated: false,
      hostAddress: '127.0.0.1',
      python: spec.venv ? venvPython(spec.venv.hostDir) : spec.python,
      paths: { workspace: spec.workspaceDir, datasets: spec.datasetsDir ?? '', trace: spec.traceDir, tracer: spec.tracerDir },
      exec: (argv, options) => runLocal(argv, { ...options, env: { ...baseEnv, ...options.env } }, spec.workspaceDir, capBytes),
      copyOut: async (from, to) => cp(from, to, { recursive: true }),
      dispose: async () => {},
    };
  }
}

async function runLocal(argv: string[], options: ExecOptions, workspace: string, capBytes: number): Promise<ExecResult> {
  const started = Date.now();
  const stdout = new OutputCapture(capBytes);
  const stderr = new OutputCapture(capBytes);
  const tag = newStepTag();
  const child = execa(argv[0]!, argv.slice(1), {
    cwd: options.cwd ? join(workspace, options.cwd) : workspace,
    env: { ...options.env, [tag.name]: tag.value },
    extendEnv: false,
    detached: true, // its own process group, so the whole tree can be killed at once
    stdin: 'ignore',
    buffer: false,
    reject: false,
    cleanup: true,
  });
  const pid = child.pid;
  const endStep = (graceMs: number) => Promise.all([killProcessGroup(pid, graceMs), killTagged(tag.line, graceMs)]).then(() => undefined);
  const unregister = onShutdown(() => endStep(0));
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout.push(chunk);
    options.onOutput?.(chunk.toString('utf8'), 'stdout');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk);
    options.onOutput?.(chunk.toString('utf8'), 'stderr');
  });

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void endStep(KILL_GRACE_MS);
  }, options.timeoutMs);
  let stopped = false;
  const onAbort = () => {
    stopped = true;
    void endStep(KILL_GRACE_MS);
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  const result = await child;
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', onAbort);
  // Children left behind (daemons, a SIGTERM-ignoring grandchild, a `setsid` child outside the group)
  // belong to the step: end them too, by group and by tag.
  await endStep(0);
  unregister();
  await drain([child.stdout, child.stderr]);

  const spawnFailed = result.failed && result.exitCode === undefined && result.signal === undefined;
  // The cause alone ("spawn /x/python3 ENOENT"): execa's message repeats the whole command, a script for `-c`.
  if (spawnFailed) stderr.push(Buffer.from(`${result.originalMessage ?? result.shortMessage ?? result.message}\n`));
  return {
    argv,
    exitCode: result.exitCode ?? (spawnFailed ? 127 : null),
    signal: result.signal ?? null,
    timedOut,
    oomKilled: false,
    ...(stopped && !timedOut ? { stoppedFor: `${STOPPED_BY_RUNNER}: ended by the runner` } : {}),
    durationMs: Date.now() - started,
    stdout: stdout.result(),
    stderr: stderr.result(),
  };
}

function drain(streams: Array<NodeJS.ReadableStream | null | undefined>): Promise<void> {
  const ends = streams.filter((s): s is NodeJS.ReadableStream => Boolean(s)).map(
    (stream) =>
      new Promise<void>((resolve) => {
        if ((stream as { readableEnded?: boolean }).readableEnded) return resolve();
        stream.once('end', () => resolve());
        stream.once('close', () => resolve());
      }),
  );
  return Promise.race([Promise.all(ends).then(() => undefined), new Promise<void>((r) => setTimeout(r, PIPE_DRAIN_MS))]);
}
