/**
 * Docker cannot kill an exec. mspr-lab therefore tags every exec with a unique environment variable
 * (`MSPR_EXEC_ID=<uuid>`, inherited by every child, even after `setsid` or a double fork) and kills by tag
 * from a second exec running as the same user: one `grep` over /proc/<pid>/environ finds the whole tree.
 * Only two processes are needed, so this still works next to a fork bomb that holds most of the pids limit.
 * A process that re-executes itself with an empty environment escapes the tag; the container-wide kill in
 * exec-runner.ts is the last resort for it.
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
