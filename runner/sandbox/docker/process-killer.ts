import type { Duplex } from 'node:stream';
import type { ExecTarget } from './exec-runner.js';
import { exitCodeOf } from './exec-status.js';

/**
 * Docker cannot kill an exec. mspr-lab therefore tags every exec with a unique environment variable
 * (`MSPR_EXEC_ID=<uuid>`, inherited by every child, even after `setsid` or a double fork) and kills by tag
 * from a second exec running as the same user: one `grep` over /proc/<pid>/environ finds the whole tree.
 * Only two processes are needed, so this still works next to a fork bomb that holds most of the pids limit.
 * A process that re-executes itself with an empty environment escapes the tag; the container-wide kill in
 * `escalate` is the last resort for it.
 */
export const EXEC_MARKER_VAR = 'MSPR_EXEC_ID';

const KILL_BY_MARKER = [
  'for f in $(grep -lzxF -- "$2" /proc/[0-9]*/environ 2>/dev/null); do',
  '  p=${f#/proc/}; p=${p%/environ}',
  '  [ "$p" = "$$" ] || kill -s "$1" "$p" 2>/dev/null',
  'done',
  'true',
].join('\n');

/** The argv of an exec that sends `signal` to every process carrying `marker` (`NAME=value`). */
export function killByMarkerArgv(signal: 'TERM' | 'KILL', marker: string): string[] {
  return ['/bin/sh', '-c', KILL_BY_MARKER, 'mspr-kill', signal, marker];
}

/** The marker line for one exec, as it appears in /proc/<pid>/environ. */
export function execMarker(execId: string): string {
  return `${EXEC_MARKER_VAR}=${execId}`;
}

/** Bound on waiting for the output stream to close once the processes are dead. */
export const DRAIN_MS = 5_000;

/**
 * Ends a step that must stop: SIGTERM to its tagged processes, SIGKILL after the grace period, and, when the
 * output still does not close or a killer cannot even start (a fork bomb holds every pid), every process of
 * the container through `killContainer`. Resolves once done or out of options; never throws.
 */
export async function escalate(target: ExecTarget, marker: string, graceMs: number, closed: Promise<void>): Promise<void> {
  const gone = (ms: number) => Promise.race([closed.then(() => true), sleep(ms).then(() => false)]);
  // A killer that cannot even start (a fork bomb holds every pid) means going straight to the container kill.
  if (graceMs > 0 && (await killByMarker(target, 'TERM', marker)) && (await gone(graceMs))) return;
  if ((await killByMarker(target, 'KILL', marker)) && (await gone(DRAIN_MS))) return;
  await target.killContainer();
  await gone(DRAIN_MS);
}

/** Runs the killer exec; true when it ran to completion (exit 0). Never throws: escalation carries on. */
export async function killByMarker(target: ExecTarget, signal: 'TERM' | 'KILL', marker: string): Promise<boolean> {
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
    return (await exitCodeOf(target.client, exec)) === 0;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
