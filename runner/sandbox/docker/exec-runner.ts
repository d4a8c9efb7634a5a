import { randomUUID } from 'node:crypto';
import { constants } from 'node:os';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { OutputCapture } from '../output-capture.js';
import type { Localized } from '../../i18n.js';
import type { ExecOptions, ExecResult } from '../sandbox.js';
import type { DockerClient } from './docker-client.js';
import { EXEC_MARKER_VAR, execMarker, killByMarkerArgv } from './process-killer.js';
import { StreamDemuxer } from './stream-demux.js';

/** What one exec needs from its sandbox. */
export interface ExecTarget {
  client: DockerClient;
  container: Docker.Container;
  /** `uid:gid` the candidate runs as; the killer runs as the same user so it may signal its processes. */
  user: string;
  /** Time between SIGTERM and SIGKILL once a step is over time. */
  killGraceMs: number;
  outputCapBytes: number;
  /** Last resort: kill every process in the container (and bring it back up for the next steps). */
  killContainer(): Promise<void>;
  /** Whether the kernel OOM-killed something in the container since `sinceMs` (epoch ms). */
  oomSince(sinceMs: number, untilMs: number): Promise<boolean>;
}

/** Why a watcher ended a step: a stable code for scripts, and a sentence for people. */
export interface StopReason {
  code: string;
  text: Localized;
}

/** Starts watching something during an exec; calls `stop(reason)` to end the exec early. Returns an unsubscribe. */
export type ExecWatcher = (stop: (reason: StopReason) => void) => () => void;

/** The docker backend's result: the shared shape plus why mspr-lab stopped the process, if it did. */
export interface DockerExecResult extends ExecResult {
  /** Set when a watcher (e.g. the workspace quota) ended the process, as `<code>: <English text>`; the
   * same reason, in both languages, ends stderr so that reports show it. `timedOut` covers the time limit. */
  stoppedFor?: string;
}

/** Bound on waiting for the output stream to close once the processes are dead. */
const DRAIN_MS = 5_000;

/**
 * Runs one command in the container and always comes back: on time-out, the command's whole process tree is
 * sent SIGTERM, then SIGKILL after the grace period, then the container's processes are killed if the stream
 * still does not close (a process that escaped the tag but holds the output pipe).
 */
export async function runExec(
  target: ExecTarget,
  argv: string[],
  options: ExecOptions & { workdir: string; env: Record<string, string>; watchers?: ExecWatcher[] },
): Promise<DockerExecResult> {
  const marker = execMarker(randomUUID());
  const env = { ...options.env, [EXEC_MARKER_VAR]: marker.slice(EXEC_MARKER_VAR.length + 1) };
  const exec = await target.client.call('exec create', (abortSignal) =>
    target.container.exec({
      Cmd: argv,
      Env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
      WorkingDir: options.workdir,
      User: target.user,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      abortSignal,
    }),
  );
  const started = Date.now();
  const stream = (await target.client.call('exec start', (abortSignal) =>
    exec.start({ hijack: true, stdin: false, abortSignal }),
  )) as Duplex;

  const out = { stdout: new OutputCapture(target.outputCapBytes), stderr: new OutputCapture(target.outputCapBytes) };
  const demux = new StreamDemuxer((name, payload) => {
    out[name].push(payload);
    options.onOutput?.(payload.toString('utf8'), name);
  });
  stream.on('data', (chunk: Buffer) => demux.push(chunk));
  const closed = new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
  });

  let timedOut = false;
  let stoppedBy: StopReason | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (reason: 'timeout' | StopReason) => {
    if (stopping) return;
    if (reason === 'timeout') timedOut = true;
    else stoppedBy = reason;
    stopping = escalate(target, marker, reason === 'timeout' ? target.killGraceMs : 0, closed);
  };
  const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
  const unwatch = (options.watchers ?? []).map((watch) => watch(stop));
  try {
    await closed;
  } finally {
    clearTimeout(timer);
    unwatch.forEach((fn) => fn());
  }
  const durationMs = Date.now() - started;
  if (stopping) await stopping;
  stream.destroy();
  // Whatever the step left running (a daemon, a child ignoring SIGTERM after its parent died) belongs to the
  // step and goes with it, as with the local backend; the output stream may close before they are gone.
  await killByMarker(target, 'KILL', marker);

  if (stoppedBy) out.stderr.push(Buffer.from(`\n[mspr-lab] ${stoppedBy.text.fr}\n[mspr-lab] ${stoppedBy.text.en}\n`));
  const { exitCode, signal } = decodeExit(await exitCodeOf(target, exec));
  const oomKilled = signal === 'SIGKILL' && (await target.oomSince(started, Date.now()));
  return {
    argv,
    exitCode,
    signal,
    timedOut,
    oomKilled,
    durationMs,
    stdout: out.stdout.result(),
    stderr: out.stderr.result(),
    ...(stoppedBy ? { stoppedFor: `${stoppedBy.code}: ${stoppedBy.text.en}` } : {}),
  };
}

async function escalate(target: ExecTarget, marker: string, graceMs: number, closed: Promise<void>): Promise<void> {
  const gone = (ms: number) => Promise.race([closed.then(() => true), sleep(ms).then(() => false)]);
  // A killer that cannot even start (a fork bomb holds every pid) means going straight to the container kill.
  if (graceMs > 0 && (await killByMarker(target, 'TERM', marker)) && (await gone(graceMs))) return;
  if ((await killByMarker(target, 'KILL', marker)) && (await gone(DRAIN_MS))) return;
  await target.killContainer();
  await gone(DRAIN_MS);
}

/** Runs the killer exec; true when it ran to completion (exit 0). Never throws: escalation carries on. */
async function killByMarker(target: ExecTarget, signal: 'TERM' | 'KILL', marker: string): Promise<boolean> {
  try {
    const exec = await target.client.call('exec kill', (abortSignal) =>
      target.container.exec({ Cmd: killByMarkerArgv(signal, marker), User: target.user, AttachStdout: true, AttachStderr: true, abortSignal }),
    );
    const stream = (await target.client.call('exec kill start', (abortSignal) =>
      exec.start({ hijack: true, stdin: false, abortSignal }),
    )) as Duplex;
    stream.resume();
    await Promise.race([new Promise((resolve) => stream.once('close', resolve).once('end', resolve)), sleep(DRAIN_MS)]);
    stream.destroy();
    return (await exitCodeOf(target, exec)) === 0;
  } catch {
    return false;
  }
}

/** The exec's exit code once Docker has recorded it (it can lag the stream's end by a few milliseconds). */
async function exitCodeOf(target: ExecTarget, exec: Docker.Exec): Promise<number | null> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      const info = await target.client.call('exec inspect', (abortSignal) => exec.inspect({ abortSignal }));
      if (!info.Running) return info.ExitCode ?? null;
    } catch {
      return null; // the container was killed and restarted: the exec is gone
    }
    await sleep(50);
  }
  return null;
}

const SIGNAL_NAMES = new Map<number, string>(Object.entries(constants.signals).map(([name, num]) => [num, name]));

/**
 * Docker reports a process killed by signal N as exit code 128+N (as shells do). It is decoded back into a
 * signal so results read like the local backend's; a program that calls `exit(137)` itself is indistinguishable.
 */
export function decodeExit(code: number | null): { exitCode: number | null; signal: string | null } {
  if (code === null) return { exitCode: null, signal: 'SIGKILL' };
  if (code > 128 && code <= 128 + 64 && SIGNAL_NAMES.has(code - 128)) return { exitCode: null, signal: SIGNAL_NAMES.get(code - 128)! };
  return { exitCode: code, signal: null };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
