import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The local sandbox tags each step with an environment variable, as the docker backend does
 * (runner/sandbox/docker/process-killer.ts): every process the step starts inherits it, even after `setsid`
 * or a double fork that leaves the step's process group. At the step's end every process whose
 * /proc/<pid>/environ holds the tag is killed. A process that re-executes itself with an empty (or
 * rewritten) environment escapes the tag; nothing short of a container catches it (README, local sandbox).
 */
export const STEP_TAG_VAR = 'MSPR_EXEC_ID';

/** A fresh tag, as `NAME=value`, for one step. */
export function newStepTag(): { name: string; value: string; line: string } {
  const value = randomUUID();
  return { name: STEP_TAG_VAR, value, line: `${STEP_TAG_VAR}=${value}` };
}

/** Pids of the running processes whose initial environment holds `line` (readable as root or the same user). */
export function findTagged(line: string): number[] {
  if (!procAvailable()) return [];
  const wanted = Buffer.from(line);
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let environ: Buffer;
    try {
      environ = readFileSync(`/proc/${entry}/environ`);
    } catch {
      continue; // exited, or another user's process
    }
    if (holdsEntry(environ, wanted) && !isZombie(entry)) found.push(Number(entry));
  }
  return found;
}

/**
 * SIGTERM to every tagged process, SIGKILL after the grace period to those left, repeated until none is
 * left (a process may fork while being killed) or the bound passes. Never throws.
 */
export async function killTagged(line: string, graceMs: number, boundMs = 5_000): Promise<void> {
  if (graceMs > 0 && signalAll(findTagged(line), 'SIGTERM') > 0) await waitUntilNone(line, graceMs);
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline && signalAll(findTagged(line), 'SIGKILL') > 0) await sleep(20);
}

function holdsEntry(environ: Buffer, wanted: Buffer): boolean {
  for (let at = environ.indexOf(wanted); at >= 0; at = environ.indexOf(wanted, at + 1)) {
    const startsEntry = at === 0 || environ[at - 1] === 0;
    const endsEntry = at + wanted.length === environ.length || environ[at + wanted.length] === 0;
    if (startsEntry && endsEntry) return true;
  }
  return false;
}

function signalAll(pids: number[], signal: NodeJS.Signals): number {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Gone already.
    }
  }
  return pids.length;
}

async function waitUntilNone(line: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && findTagged(line).length > 0) await sleep(20);
}

function isZombie(pid: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}

let proc: boolean | undefined;
function procAvailable(): boolean {
  try {
    return (proc ??= readdirSync('/proc').includes('self'));
  } catch {
    return (proc = false);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
