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
      expect: { status: 'pass', includes: ['produits (etl.py:61)'] },
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
      expect: { status: 'fail', message: 'none', includes: ['(ventes, produits) are never read back'] },
    },
    {
      name: 'a full SELECT of a table not loaded by the run',
      options,
      evidence: () => ({ trace: new DataTrace().sql(52, 'SELECT * FROM clients LIMIT 5', { tables: ['clients'] }).index() }),
      expect: { status: 'fail', message: 'none' },
    },
  ],
});
