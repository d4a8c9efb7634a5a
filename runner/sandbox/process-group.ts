/**
 * Ends a whole process group: SIGTERM first so well-behaved programs can flush, then SIGKILL after the
 * grace period for those that ignore it. Errors are swallowed: the group may already be gone.
 */
export async function killProcessGroup(pid: number | undefined, graceMs: number): Promise<void> {
  if (!pid) return;
  if (graceMs > 0) {
    signalGroup(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && groupAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  }
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left to kill.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
