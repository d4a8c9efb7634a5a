import type { CheckContext, CheckOutcome } from '../../check.js';
import { MsprError } from '../../../runner/errors.js';
import type { Localized } from '../../../runner/i18n.js';
import type { DbInspector } from '../../../runner/evidence/db/db-inspector.js';

/** Message of every check that reads the database when there is none to read. */
export const NO_DATABASE: Record<'noDatabase', Localized> = {
  noDatabase: {
    fr: 'Aucune base à lire : {reason}. Attendu : les données chargées dans une base que le pipeline crée (C1.6, C1.9) ; vérifiez que le chargement s’exécute et que mspr.yaml indique où est la base.',
    en: 'No database to read: {reason}. Expected: the data loaded into a database the pipeline creates (C1.6, C1.9); check that the load runs and that mspr.yaml says where the database is.',
  },
};

/**
 * The run's database, or the outcome when there is none (no SQLite file after the run, a server that does not
 * answer): `fail`, as db/reachable says for the same situation — the team's pipeline did not leave a database.
 * When a step stopped for the environment (a database server missing here), the runner makes it `error`
 * (runner/failure/blocked-verdict.ts), so a database the grader could not provide is never the team's fail.
 */
export async function databaseOrOutcome(ctx: Pick<CheckContext<unknown>, 'databases'>, service: string | undefined): Promise<{ db: DbInspector } | { outcome: CheckOutcome<'noDatabase'> }> {
  try {
    return { db: await ctx.databases.open(service) };
  } catch (error) {
    if (!(error instanceof MsprError) || error.code !== 'MSPR_DB_UNREACHABLE') throw error;
    const outcome: CheckOutcome<'noDatabase'> = {
      status: 'fail',
      message: 'noDatabase',
      params: reasonParams(error),
      evidence: [{ kind: 'db', subject: service ?? 'database', expected: 'reachable', actual: 'unreachable', note: error.text }],
    };
    return { outcome };
  }
}

/** Why the database could not be opened, one localized parameter without its final period (the templates add it). */
export function reasonParams(error: MsprError): { reason: Localized } {
  return { reason: { fr: error.text.fr.replace(/\.$/, ''), en: error.text.en.replace(/\.$/, '') } };
}
