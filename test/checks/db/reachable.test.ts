import check from '../../../checks/db/reachable.js';
import { testCheck } from '../../../checks/tester.js';
import { tempRepo } from '../../helpers/temp-repo.js';
import { sqliteAccess } from '../../helpers/sqlite-fixture.js';
import { sqliteWorkspace } from '../data/support/data-trace.js';

const three = () => sqliteWorkspace(['CREATE TABLE ventes (id INTEGER)', 'INSERT INTO ventes VALUES (1), (2)', 'CREATE TABLE produits (id TEXT)', "INSERT INTO produits VALUES ('P1')", 'CREATE TABLE objectifs (mois TEXT)']);

testCheck(check, {
  valid: [
    {
      name: 'tables listed with their row counts and the server version',
      evidence: three,
      expect: { status: 'pass', message: 'pass', includes: ['3 tables — objectifs (0), produits (1), ventes (2)', '(SQLite 3.'], evidence: [{ kind: 'db', subject: 'sqlite:warehouse.db', actual: 3 }] },
    },
    {
      name: 'expected tables present and filled (case ignored)',
      options: { tables: ['VENTES', 'produits'] },
      evidence: three,
      expect: { status: 'pass', message: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'no database after the run: a fail naming why, not an error',
      evidence: () => {
        const workspace = tempRepo({ 'README.md': '# x\n' });
        return { workspace, databases: sqliteAccess(workspace) };
      },
      expect: { status: 'fail', message: 'unreachable', includes: ['No SQLite database (.db, .sqlite) was found after the run.'] },
    },
    {
      name: 'empty database',
      evidence: () => sqliteWorkspace([]),
      expect: { status: 'fail', message: 'tooFew', includes: ['holds only 0 tables'] },
    },
    {
      name: 'expected table empty, another missing',
      options: { tables: ['ventes', 'objectifs', 'clients'] },
      evidence: three,
      expect: { status: 'fail', message: 'missing', includes: ['objectifs, clients'], evidence: [{ subject: 'expected tables', actual: 'objectifs, clients' }] },
    },
  ],
});
