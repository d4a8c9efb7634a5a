/**
 * Ctrl-C must not leave containers behind. Anything holding external resources registers its disposal here;
 * on SIGINT/SIGTERM every registered disposal runs (bounded), then the process exits with the conventional
 * code (130 / 143). Handlers are installed only while something is registered, so a plain `--help` keeps
 * Node's default behaviour.
 */
const disposers = new Set<() => Promise<void>>();
let installed = false;
let exiting = false;

/** Bound on the whole disposal after a signal: a hung daemon must not make Ctrl-C hang too. */
export const SIGNAL_DISPOSE_TIMEOUT_MS = 15_000;

/** Registers a disposal to run on SIGINT/SIGTERM; returns the function that unregisters it. */
export function disposeOnSignal(dispose: () => Promise<void>): () => void {
  disposers.add(dispose);
  install();
  return () => {
    disposers.delete(dispose);
    if (disposers.size === 0) uninstall();
  };
}

/** Runs every registered disposal once (also used by tests and by the orchestrator's own shutdown). */
export async function disposeAll(timeoutMs = SIGNAL_DISPOSE_TIMEOUT_MS): Promise<void> {
  const pending = [...disposers];
  disposers.clear();
  // After a signal the handlers stay, so a second Ctrl-C cannot cut the (bounded) cleanup short.
  if (!exiting) uninstall();
  const all = Promise.allSettled(pending.map((fn) => fn()));
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}

function onSignal(signal: NodeJS.Signals): void {
  if (exiting) return; // a second Ctrl-C while cleaning up: let the disposal finish, it is bounded
  exiting = true;
  process.stderr.write(`\nmspr-lab: ${signal} — nettoyage des conteneurs… / cleaning up containers…\n`);
  void disposeAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}
