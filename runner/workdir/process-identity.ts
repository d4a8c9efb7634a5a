import { readFileSync } from 'node:fs';

/**
 * A process as the kernel knows it: a pid alone is not enough, since pids are reused. The start time
 * (clock ticks since boot, field 22 of /proc/<pid>/stat) and the boot id make the pair unique, so a run
 * folder whose mspr-lab died is never mistaken for one of a new process that got the same pid.
 */
export interface ProcessIdentity {
  pid: number;
  /** Field 22 of /proc/<pid>/stat; empty where /proc is missing (then only the pid is compared). */
  startTime: string;
  bootId: string;
}

/** This process. */
export function selfIdentity(): ProcessIdentity {
  return { pid: process.pid, startTime: startTimeOf(process.pid) ?? '', bootId: bootId() };
}

/** Whether the process that wrote `identity` still runs (a zombie does not count). */
export function isRunning(identity: ProcessIdentity): boolean {
  if (identity.bootId && identity.bootId !== bootId()) return false;
  if (!identity.startTime) return signalZero(identity.pid);
  return startTimeOf(identity.pid) === identity.startTime;
}

function startTimeOf(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // After the parenthesised command name (which may hold spaces): state is field 3, starttime field 22.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return fields[19];
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

function signalZero(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
