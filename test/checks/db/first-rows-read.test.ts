import check from '../../../checks/db/first-rows-read.js';
import { testCheck } from '../../../checks/tester.js';
import { DataTrace, VENTES } from '../data/support/data-trace.js';

const options = { tables: ['ventes', 'produits'] };

testCheck(check, {
  valid: [
    {
      name: 'SELECT … LIMIT 5 through sqlite3',
      options,
      evidence: () => ({ trace: new DataTrace().sql(52, 'SELECT * FROM ventes LIMIT 5', { tables: ['ventes'], columns: VENTES }).index() }),
      expect: { status: 'pass', message: 'pass', includes: ['ventes (etl.py:52)'], evidence: [{ subject: 'first rows of ventes', location: { file: 'etl.py', line: 52 } }] },
    },
    {
      name: 'read_sql of the whole table, then head() on that frame',
      options,
      evidence: () => {
        const t = new DataTrace();
        const frame = t.frame(['id_produit', 'libelle'], 60);
        t.add('data_read', { function: 'read_sql_table', origin: { format: 'sql', connection: 'sqlalchemy:postgresql', table: 'produits' }, output: frame }, 60);
        t.add('head', { function: 'head', n: 5, input: frame }, 61);
        return { trace: t.index() };
      },
      expect: { status: 'pass', message: 'pass', includes: ['produits (etl.py:61)'] },
    },
    {
      name: 'named columns read back without LIMIT, the fetch holding 10 rows',
      options,
      evidence: () => ({
        trace: new DataTrace()
          .sql(52, 'SELECT id_vente, magasin, quantite FROM ventes WHERE id_vente <= 10', { tables: ['ventes'], columns: ['id_vente', 'magasin', 'quantite'] })
          .add('sql_fetch', { driver: 'sqlite3', rows: 10, columns: ['id_vente', 'magasin', 'quantite'] }, 53)
          .index(),
      }),
      expect: { status: 'pass', message: 'pass', includes: ['ventes (etl.py:52)'] },
    },
  ],
  invalid: [
    {
      name: 'head() on the pandas frame only (the source, not the table)',
      options,
      evidence: () => {
        const t = new DataTrace().read(3, 'ventes.csv', VENTES, 2000);
        return { trace: t.add('head', { function: 'head', n: 5, input: t.frames['ventes.csv'] }, 4).index() };
      },
      expect: { status: 'fail', message: 'none', evidence: [{ subject: 'first rows', actual: null }], includes: ['(ventes, produits) are never read back'] },
    },
    {
      name: 'a full SELECT of a table not loaded by the run',
      options,
      evidence: () => ({ trace: new DataTrace().sql(52, 'SELECT * FROM clients LIMIT 5', { tables: ['clients'] }).index() }),
      expect: { status: 'fail', message: 'none' },
    },
    {
      name: 'read_sql of a COUNT(*): one row, one aggregate, none of the table\'s columns',
      options,
      evidence: () => {
        const t = new DataTrace();
        t.add('data_read', { function: 'read_sql', origin: { format: 'sql', connection: 'sqlalchemy:sqlite', sql: 'SELECT COUNT(*) AS n FROM ventes', tables: ['ventes'] }, output: t.frame(['n'], 1) }, 52);
        return { trace: t.index() };
      },
      expect: { status: 'fail', message: 'none' },
    },
    {
      name: 'aggregates only (COUNT, SUM) through sqlite3, a 1-row fetch of 2 columns',
      options,
      evidence: () => ({
        trace: new DataTrace()
          .sql(52, 'SELECT COUNT(*) AS n, SUM(quantite) AS total FROM ventes', { tables: ['ventes'], columns: ['n', 'total'] })
          .add('sql_fetch', { driver: 'sqlite3', rows: 1, columns: ['n', 'total'] }, 53)
          .index(),
      }),
      expect: { status: 'fail', message: 'none' },
    },
  ],
});
