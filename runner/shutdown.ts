/**
 * Clean-up that must run when the user presses Ctrl-C or CI cancels the job: step process groups (which
 * live in their own group and do not get the terminal's SIGINT), containers, networks. Each owner registers
 * and unregisters its own; the first signal runs them all, a second one exits at once.
 */
const cleanups = new Set<() => Promise<void> | void>();
let installed = false;
let shuttingDown = false;

export function onShutdown(cleanup: () => Promise<void> | void): () => void {
  install();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (shuttingDown) process.exit(130);
      shuttingDown = true;
      process.stderr.write(`\nmspr-lab: ${signal} — nettoyage / cleaning up…\n`);
      void runAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

async function runAll(): Promise<void> {
  const pending = [...cleanups].map((cleanup) => Promise.resolve().then(cleanup).catch(() => undefined));
  // Bounded: a stuck daemon must not keep a cancelled job alive.
  await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, 15_000))]);
}
