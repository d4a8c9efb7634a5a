import { describe, expect, it } from 'vitest';
import { loadCheck } from '../../../checks/registry.js';
import { evaluateCheck } from '../../../checks/tester.js';
import type { StepRecord } from '../../../runner/steps/step-record.js';
import { sqliteAccess } from '../../helpers/sqlite-fixture.js';
import { tempRepo } from '../../helpers/temp-repo.js';
import { boutique, DataTrace, VENTES } from '../data/support/data-trace.js';

/** Every check that reads the run's database, and what it says when the run left none. */
const DATABASE_CHECKS: Record<string, string> = {
  'db/reachable': 'fail unreachable',
  'db/no-truncation': 'fail noDatabase',
  'db/types-fitted': 'fail noDatabase',
  'db/rows-match-source': 'fail noDatabase',
  'db/selection-and-index': 'fail noDatabase',
  'data/numeric-imputation': 'fail noDatabase',
  'data/categorical-imputation': 'fail noDatabase',
};

/** The sources and mappings are known (the scenario's), the ETL ran and was traced, but no SQLite file exists. */
function ranWithoutDatabase(steps: StepRecord[]) {
  return () => {
    const workspace = tempRepo({ 'README.md': '# ETL\n', 'etl.py': 'import pandas as pd\n' });
    const trace = new DataTrace().read(4, 'ventes.csv', VENTES, 2000, { remise_pct: 181, canal: 40 }).index();
    return { workspace, datasets: boutique, trace, steps, databases: sqliteAccess(workspace) };
  };
}

const options = (id: string) => (id === 'db/reachable' || id === 'db/selection-and-index' ? {} : { mappings: [{ source: 'ventes.csv', table: 'ventes' }] });

/**
 * Issue 10 §4: the same situation gets the same status in every family. The team's pipeline left no database:
 * db/reachable fails, and so does every check that would have read it (not an `error`: nothing kept the grader from
 * looking, there was nothing there). When a step stopped for the environment, each is `error` (could not be judged).
 */
describe('no database after the run: the same status in every family', () => {
  for (const [id, expected] of Object.entries(DATABASE_CHECKS)) {
    it(`${id}: ${expected}`, async () => {
      const verdict = await evaluateCheck((await loadCheck(id))!, { options: options(id), evidence: ranWithoutDatabase([]) });
      expect(`${verdict.status} ${verdict.messageKey}`, verdict.message.en).toBe(expected);
      expect(verdict.message.en).toContain('No SQLite database (.db, .sqlite) was found after the run.');
      expect(verdict.message.fr).toContain("Aucune base SQLite (.db, .sqlite) n'a été trouvée après l'exécution.");
    });
    it(`${id}: error when the database server was missing for the environment`, async () => {
      const blocked: StepRecord = {
        id: 'chargement',
        kind: 'command',
        optional: false,
        status: 'failed',
        failure: {
          owner: 'environment',
          cause: 'database-missing',
          host: '127.0.0.1',
          message: { fr: 'Le code se connecte à une base PostgreSQL absente ici.', en: 'The code connects to a PostgreSQL database absent here.' },
          hint: { fr: 'Relancez avec --database postgres.', en: 'Run again with --database postgres.' },
        },
      };
      const verdict = await evaluateCheck((await loadCheck(id))!, { options: options(id), evidence: ranWithoutDatabase([blocked]) });
      expect(`${verdict.status} ${verdict.messageKey}`, verdict.message.en).toBe('error blocked');
      expect(verdict.blockedBy).toEqual({ owner: 'environment', causes: ['database-missing'], steps: ['chargement'] });
    });
  }
});
