/**
 * Clean-up that must run when the user presses Ctrl-C or CI cancels the job: step process groups (which
 * live in their own group and do not get the terminal's SIGINT), containers, networks. Each owner registers
 * and unregisters its own; the first signal runs them all, a second one exits at once. Signal handlers are
 * installed only while something is registered, so an idle process keeps Node's default behaviour. Run
 * folders are removed after all of these, in Node's `exit` event (runner/workdir/run-folder.ts), so no
 * step or container is still writing into them.
 */
const cleanups = new Set<() => Promise<void> | void>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let shuttingDown = false;

export function onShutdown(cleanup: () => Promise<void> | void): () => void {
  if (cleanups.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0 && !shuttingDown) {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    }
  };
}

function onSignal(signal: NodeJS.Signals): void {
  if (shuttingDown) process.exit(130);
  shuttingDown = true;
  process.stderr.write(`\nmspr-lab: ${signal} — nettoyage / cleaning up…\n`);
  void runAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

async function runAll(): Promise<void> {
  const pending = [...cleanups].map((cleanup) => Promise.resolve().then(cleanup).catch(() => undefined));
  // Bounded: a stuck daemon must not keep a cancelled job alive.
  await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, 15_000))]);
}
