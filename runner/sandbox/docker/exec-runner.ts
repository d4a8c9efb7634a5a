import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { OutputCapture } from '../output-capture.js';
import type { Localized } from '../../i18n.js';
import { type ExecOptions, type ExecResult, STOPPED_BY_RUNNER } from '../sandbox.js';
import { t } from '../../i18n.js';
import type { DockerClient } from './docker-client.js';
import { decodeExit, exitCodeOf } from './exec-status.js';
import { EXEC_MARKER_VAR, escalate, execMarker, killByMarker } from './process-killer.js';
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


/**
 * Runs one command in the container and always comes back: on time-out, the command's whole process tree is
 * sent SIGTERM, then SIGKILL after the grace period, then the container's processes are killed if the stream
 * still does not close (a process that escaped the tag but holds the output pipe).
 */
export async function runExec(
  target: ExecTarget,
  argv: string[],
  options: ExecOptions & { workdir: string; env: Record<string, string>; watchers?: ExecWatcher[] },
): Promise<ExecResult> {
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
  let escalated: () => void = () => undefined;
  // Resolves once an escalation has run its course, even if the stream never closes or a kill call failed:
  // the wait below is bounded whatever the engine does.
  const escalation = new Promise<void>((resolve) => (escalated = resolve));
  const stop = (reason: 'timeout' | StopReason) => {
    if (stopping) return;
    if (reason === 'timeout') timedOut = true;
    else stoppedBy = reason;
    const graceful = reason === 'timeout' || reason.code === STOPPED_BY_RUNNER;
    stopping = escalate(target, marker, graceful ? target.killGraceMs : 0, closed)
      .catch(() => undefined)
      .finally(escalated);
  };
  const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
  const unwatch = (options.watchers ?? []).map((watch) => watch(stop));
  // A served app is ended by the runner once exercised: the same escalation as a time-out, said as such.
  const onAbort = () => stop({ code: STOPPED_BY_RUNNER, text: t('arrêté par mspr-lab (fin de l’exercice de l’application)', 'ended by mspr-lab (the app’s exercise is over)') });
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  unwatch.push(() => options.signal?.removeEventListener('abort', onAbort));
  try {
    await Promise.race([closed, escalation]);
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
  const { exitCode, signal } = decodeExit(await exitCodeOf(target.client, exec));
  // Asked only when the step did not succeed: an OOM-killed worker often makes its parent fail with a plain
  // error code, and the report should still say memory was the cause.
  const failed = exitCode !== 0;
  const oomKilled = failed && (await target.oomSince(started, Date.now()).catch(() => false));
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
