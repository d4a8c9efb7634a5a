import check from '../../../checks/data/missing-measured.js';
import { testCheck } from '../../../checks/tester.js';
import { boutique, DataTrace, OBJECTIFS, PRODUITS, VENTES } from './support/data-trace.js';

const reads = () => new DataTrace().read(3, 'ventes.csv', VENTES, 2000, { remise_pct: 181, canal: 118 }).read(4, 'produits.json', PRODUITS, 60, { categorie: 4 }).read(5, 'objectifs.xlsx', OBJECTIFS, 60);
const inspect = (t: DataTrace, line: number, columns: string[], fn = 'isna') => t.add('missing_inspect', { function: fn, input: t.frame(columns, 2000) }, line);
const impute = (t: DataTrace, line: number, column: string) => t.impute(line, column, { value: 5, kind: 'numeric', matches: ['median'] });

testCheck(check, {
  valid: [
    {
      name: 'isna on the sales frame and info on the catalogue, before any fillna',
      evidence: () => ({ datasets: boutique, trace: impute(inspect(inspect(reads(), 7, VENTES), 8, PRODUITS, 'info'), 10, 'remise_pct').index() }),
      expect: { status: 'pass', message: 'pass', includes: ['ventes.csv (isna etl.py:7)', 'produits.json (info etl.py:8)'], evidence: [{ subject: 'missing values of ventes.csv', actual: 'measured', location: { file: 'etl.py', line: 7 } }] },
    },
    {
      name: 'column by column (series isna) and a SQL IS NULL count',
      evidence: () => {
        const t = inspect(inspect(reads(), 7, ['remise_pct']), 8, ['canal']).sql(9, "SELECT COUNT(*) FROM produits WHERE categorie IS NULL");
        return { datasets: boutique, trace: t.index() };
      },
      expect: { status: 'pass', message: 'pass', includes: ['produits.json (SQL etl.py:9)'] },
    },
    {
      name: 'the NULL count sent with pd.read_sql_query',
      evidence: () => {
        const t = inspect(reads(), 7, VENTES).add('data_read', { function: 'read_sql_query', origin: { format: 'sql', connection: 'psycopg2', sql: 'SELECT COUNT(*) - COUNT(categorie) AS manquants FROM produits', tables: ['produits'] }, output: { rows: 1, cols: 1, columns: ['manquants'] } }, 9);
        return { datasets: boutique, trace: t.index() };
      },
      expect: { status: 'pass', message: 'pass', includes: ['produits.json (read_sql_query etl.py:9)'] },
    },
  ],
  invalid: [
    {
      name: 'imputes straight away, never looks at the catalogue',
      evidence: () => ({ datasets: boutique, trace: impute(inspect(reads(), 7, VENTES), 9, 'remise_pct').index() }),
      expect: { status: 'fail', message: 'notMeasured', includes: ['produits.json (categorie)'], score: 0.5, evidence: [{ subject: 'missing values of produits.json', actual: null }] },
    },
    {
      name: 'looks only after imputing',
      evidence: () => ({ datasets: boutique, trace: inspect(inspect(impute(reads(), 6, 'remise_pct'), 7, VENTES), 8, PRODUITS).index() }),
      expect: { status: 'fail', message: 'late', includes: ['ventes.csv (etl.py:7, after etl.py:6)'] },
    },
    { name: 'no trace', evidence: { datasets: boutique }, expect: { status: 'fail', message: 'noTrace' } },
  ],
});
