import type { ExecResult } from '../sandbox/sandbox.js';

/**
 * Waits until the app answers HTTP on one of `paths` (any status: a 404 on `/` still means it listens), the
 * process ends, or the time runs out. Polls every 250 ms; each try is bounded so a hung accept cannot stall it.
 */
export async function awaitReady(baseUrl: string, paths: string[], exited: Promise<ExecResult>, timeoutMs: number): Promise<{ ready: true; ms: number } | { ready: false; exited?: ExecResult; timedOut: boolean }> {
  const started = Date.now();
  let ended: ExecResult | undefined;
  void exited.then((result) => (ended = result));
  for (let attempt = 0; ; attempt++) {
    if (ended) return { ready: false, exited: ended, timedOut: false };
    if (Date.now() - started > timeoutMs) return { ready: false, timedOut: true };
    const path = paths[attempt % paths.length]!;
    try {
      const response = await fetch(new URL(path, baseUrl), { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel().catch(() => undefined);
      return { ready: true, ms: Date.now() - started };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
