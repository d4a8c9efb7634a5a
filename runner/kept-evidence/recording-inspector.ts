import type { DbInspector } from '../evidence/db/db-inspector.js';
import { MsprError } from '../errors.js';
import { encodeFact } from './fact-codec.js';
import type { KeptAnswer, KeptDatabase } from './kept-evidence.js';

/** The inspector methods whose answers are facts about the database (all but `close`). */
export const FACT_METHODS = ['version', 'listTables', 'countRows', 'columns', 'indexes', 'readRows', 'nullCounts', 'distinctValues'] as const;
export type FactMethod = (typeof FACT_METHODS)[number];

/** `countRows ["ventes"]`: the key an answer is kept under, the same when recorded and when replayed. */
export function callKey(method: FactMethod, args: readonly unknown[]): string {
  const trimmed = [...args];
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === undefined) trimmed.pop();
  return `${method} ${JSON.stringify(trimmed)}`;
}

/**
 * Wraps a live server inspector so every answer it gives the checks (or the error it raises) is kept, to be
 * replayed by a regrade once the run's database server is gone.
 */
export function recordingInspector(live: DbInspector, serviceId: string): { inspector: DbInspector; record: KeptDatabase } {
  const answers: Record<string, KeptAnswer> = {};
  const record: KeptDatabase = { serviceId, kind: live.kind, label: live.label, answers };
  const wrap =
    (method: FactMethod) =>
    async (...args: unknown[]): Promise<unknown> => {
      const key = callKey(method, args);
      try {
        const value = await (live[method] as (...a: unknown[]) => Promise<unknown>).apply(live, args);
        answers[key] = { value: encodeFact(value) };
        return value;
      } catch (error) {
        if (error instanceof MsprError) answers[key] = { error: { code: error.code, message: error.text } };
        throw error;
      }
    };
  const inspector = { kind: live.kind, label: live.label, close: () => live.close() } as DbInspector;
  for (const method of FACT_METHODS) (inspector as unknown as Record<string, unknown>)[method] = wrap(method);
  return { inspector, record };
}
