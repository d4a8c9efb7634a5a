import check from '../../../checks/db/selection-and-index.js';
import { testCheck } from '../../../checks/tester.js';
import { DataTrace, inserts, sqliteWorkspace } from '../data/support/data-trace.js';

const withIndex = ['CREATE TABLE ventes (id INTEGER PRIMARY KEY, magasin TEXT, quantite INTEGER)', inserts('ventes', [[1, 'Lyon', 2], [2, 'Lille', 3]]), 'CREATE INDEX idx_ventes_magasin ON ventes (magasin)'];
const noIndex = ['CREATE TABLE ventes (id TEXT PRIMARY KEY, magasin TEXT, quantite INTEGER)'];
const selecting = () => new DataTrace().sql(14, "SELECT magasin, quantite FROM ventes WHERE quantite > 1", { tables: ['ventes'], columns: ['magasin', 'quantite'] }).add('sql_fetch', { driver: 'sqlite3', rows: 412, columns: ['magasin', 'quantite'] }, 15);

testCheck(check, {
  valid: [
    {
      name: 'filtered two-column query returning 412 rows, an index on magasin',
      evidence: () => ({ trace: selecting().index(), ...sqliteWorkspace(withIndex) }),
      expect: { status: 'pass', message: 'pass', includes: ['412 × 2 (etl.py:14)', 'idx_ventes_magasin ON ventes(magasin)'], evidence: [{ subject: 'indexes', actual: 1 }] },
    },
  ],
  invalid: [
    {
      name: 'only a primary key (automatic index)',
      evidence: () => ({ trace: selecting().index(), ...sqliteWorkspace(noIndex) }),
      expect: { status: 'fail', message: 'fail', includes: ['Missing: index'], score: 0.5 },
    },
    {
      name: 'a bare SELECT * of the whole table is not a selection',
      evidence: () => ({ trace: new DataTrace().sql(14, 'SELECT * FROM ventes', { tables: ['ventes'], columns: ['id', 'magasin'], rowcount: 2 }).index(), ...sqliteWorkspace(withIndex) }),
      expect: { status: 'fail', includes: ['Missing: selection / sélection'] },
    },
  ],
});
