import type { DbInspector } from '../evidence/db/db-inspector.js';
import { MsprError, type MsprErrorCode } from '../errors.js';
import { t } from '../i18n.js';
import { decodeFact } from './fact-codec.js';
import type { KeptDatabase } from './kept-evidence.js';
import { callKey, FACT_METHODS, type FactMethod } from './recording-inspector.js';

/**
 * Answers a regrade's checks from what the run's database said. A question the run never asked (a check
 * given another table, a new check) cannot be answered without the server: it is an error naming the call,
 * and the team must be run again (`mspr-lab batch … --team <name>`).
 */
export function replayInspector(kept: KeptDatabase, team: string): DbInspector {
  const answer =
    (method: FactMethod) =>
    async (...args: unknown[]): Promise<unknown> => {
      const key = callKey(method, args);
      const found = kept.answers[key];
      if (!found) throw notAsked(kept, key, team);
      if (found.error) throw new MsprError(found.error.code as MsprErrorCode, found.error.message);
      return decodeFact(found.value);
    };
  const inspector = { kind: kept.kind, label: kept.label, close: async () => {} } as DbInspector;
  for (const method of FACT_METHODS) (inspector as unknown as Record<string, unknown>)[method] = answer(method);
  return inspector;
}

function notAsked(kept: KeptDatabase, key: string, team: string): MsprError {
  return new MsprError(
    'MSPR_REGRADE_NEEDS_RUN',
    t(
      `Réévaluation impossible sans relancer l’équipe : la base ${kept.label} n’a pas été interrogée ainsi pendant l’exécution (${key}), et le serveur n’existe plus.`,
      `Cannot re-grade without running the team again: the database ${kept.label} was not asked this during the run (${key}), and the server is gone.`,
    ),
    { hint: t(`Relancez cette équipe : mspr-lab batch … --team ${team}.`, `Run this team again: mspr-lab batch … --team ${team}.`) },
  );
}
