import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Upper bound on waiting for the kernel to finish killing a group after SIGKILL. */
const REAP_WAIT_MS = 2_000;

/**
 * Ends a whole process group: SIGTERM first so well-behaved programs can flush, then SIGKILL after the
 * grace period for those that ignore it, then waits (bounded) until no member is still running, so the
 * caller can trust that the step is over. Errors are swallowed: the group may already be gone.
 */
export async function killProcessGroup(pid: number | undefined, graceMs: number): Promise<void> {
  if (!pid) return;
  if (graceMs > 0) {
    signalGroup(pid, 'SIGTERM');
    await waitUntilGone(pid, graceMs);
  }
  signalGroup(pid, 'SIGKILL');
  await waitUntilGone(pid, REAP_WAIT_MS);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left to kill.
  }
}

async function waitUntilGone(pgid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && groupRunning(pgid)) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * Whether any member of the group is still running. Zombies do not count: where PID 1 does not reap
 * orphans (containers, this CI), dead children linger as zombies and `kill(-pgid, 0)` still succeeds.
 */
function groupRunning(pgid: number): boolean {
  if (!existsSync('/proc/self/stat')) return signalZeroSucceeds(pgid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // Fields after the parenthesised command name: state, ppid, pgrp, …
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

function signalZeroSucceeds(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
