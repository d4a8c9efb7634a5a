import check from '../../../checks/data/numeric-imputation.js';
import { testCheck } from '../../../checks/tester.js';
import { boutique, DataTrace, inserts, sqliteWorkspace } from './support/data-trace.js';

const options = { mappings: [{ source: 'ventes.csv', table: 'ventes' }], categorical: ['satisfaction'] };
/** The loaded table: 3 rows, `nullRemise` of them without remise_pct. */
const table = (nullRemise = 0) => ['CREATE TABLE ventes (id_vente INTEGER, remise_pct REAL, canal TEXT)', inserts('ventes', [[1, nullRemise > 0 ? null : 5, 'web'], [2, 0, 'web'], [3, 10, 'magasin']])];
const stats = { mean: 7.29, median: 5, min: 0, max: 20 };
const run = (trace: DataTrace, nullRemise = 0) => () => ({ datasets: boutique, trace: trace.index(), ...sqliteWorkspace(table(nullRemise)) });

testCheck(check, {
  valid: [
    {
      name: 'median of the column before imputation',
      options,
      evidence: run(new DataTrace().impute(24, 'remise_pct', { value: 5, kind: 'numeric', matches: ['median'], stats })),
      expect: { status: 'pass', message: 'pass', includes: ['ventes.remise_pct: median (5, etl.py:24)'], evidence: [{ subject: 'ventes.remise_pct', actual: 'median', location: { file: 'etl.py', line: 24 } }] },
    },
    {
      name: 'zero (a discount never given is no discount)',
      options,
      evidence: run(new DataTrace().impute(24, 'remise_pct', { value: 0, kind: 'numeric', matches: ['zero'], stats })),
      expect: { status: 'pass', message: 'pass', includes: ['zero (0'] },
    },
    {
      name: 'a SimpleImputer(strategy="mean") fitted on the column',
      options,
      evidence: run(new DataTrace().add('fit', { method: 'fit_transform', estimator: 'SimpleImputer', obj: 'o9', params: { strategy: 'mean' }, x: { rows: 2000, cols: 1, columns: ['remise_pct'] } }, 30)),
      expect: { status: 'pass', message: 'pass', includes: ['SimpleImputer(mean) etl.py:30'] },
    },
    {
      name: 'the median of each store (groupby transform): credited on the column, with its group keys',
      options,
      evidence: run(new DataTrace().impute(26, 'remise_pct', { function: 'groupby.transform', by: ['magasin'], value: 'median by magasin', kind: 'numeric', matches: ['median'], stats: { mean: 7.29, median: 5 } })),
      expect: { status: 'pass', message: 'pass', includes: ['ventes.remise_pct: median groupby(magasin) (etl.py:26)'], evidence: [{ subject: 'ventes.remise_pct', actual: 'median by magasin', data: { nullsInSource: 181, nullsInTable: 0, by: ['magasin'], function: 'groupby.transform', mean: 7.29, median: 5 } }] },
    },
    {
      name: 'a SimpleImputer(median) inside a ColumnTransformer entry that names the column',
      options,
      evidence: run(new DataTrace().add('fit', { method: 'fit_transform', estimator: 'ColumnTransformer', obj: 'o3', x: { rows: 2000, cols: 9 }, imputers: [{ path: 'num/imputation', class: 'SimpleImputer', columns: ['remise_pct', 'quantite'], strategy: 'median', statistics: { remise_pct: 5, quantite: 6 } }] }, 40)),
      expect: { status: 'pass', message: 'pass', includes: ['ventes.remise_pct: SimpleImputer(median) [num/imputation] etl.py:40'], evidence: [{ subject: 'ventes.remise_pct', actual: 'SimpleImputer(median)', data: { nullsInSource: 181, nullsInTable: 0, path: 'num/imputation', value: 5 } }] },
    },
  ],
  invalid: [
    {
      name: 'a constant that is neither 0 nor a statistic',
      options,
      evidence: run(new DataTrace().impute(24, 'remise_pct', { value: -1, kind: 'numeric', matches: [], stats })),
      expect: { status: 'fail', message: 'fail', includes: ['ventes.remise_pct: -1 ≠ mean 7.29, median 5 (etl.py:24)'], evidence: [{ subject: 'ventes.remise_pct', actual: '-1', data: { nullsInSource: 181, nullsInTable: 0, matches: [], mean: 7.29, median: 5 } }] },
    },
    {
      name: 'no imputation: nulls reach the table',
      options,
      evidence: run(new DataTrace(), 1),
      expect: { status: 'fail', message: 'fail', includes: ['ventes.remise_pct: 1 null left in the table'], evidence: [{ kind: 'db', subject: 'ventes.remise_pct', expected: 0, actual: 1 }] },
    },
    {
      name: 'rows with a missing discount dropped instead of imputed',
      options,
      evidence: run(new DataTrace().add('rows_dropped', { function: 'dropna', input: { rows: 2000, cols: 8, columns: ['id_vente', 'date', 'magasin', 'id_produit', 'quantite', 'prix_unitaire', 'remise_pct', 'canal'] }, rows_before: 2000, rows_after: 1709, removed: 291 }, 20)),
      expect: { status: 'fail', message: 'fail', includes: ['rows dropped instead of imputed', '291 etl.py:20'], includesFr: ["lignes supprimées au lieu d'imputer (291 etl.py:20)"] },
    },
    {
      name: 'forward fill: to justify',
      options,
      evidence: run(new DataTrace().impute(24, 'remise_pct', { method: 'ffill' })),
      expect: { status: 'warn', message: 'warn', includes: ['ventes.remise_pct: ffill (etl.py:24)'] },
    },
    {
      name: 'the imputed column never reached the table',
      options: { mappings: [{ source: 'ventes.csv', table: 'sales' }], categorical: ['satisfaction'] },
      evidence: run(new DataTrace().impute(24, 'remise_pct', { value: 5, kind: 'numeric', matches: ['median'], stats })),
      expect: { status: 'fail', message: 'fail', includes: ['sales.remise_pct: table absent'] },
    },
    {
      name: 'rows with holes left out before loading (a csv filter): dropped, not imputed',
      options,
      evidence: () => ({ datasets: boutique, trace: new DataTrace().add('data_read', { function: 'csv.DictReader', origin: { path: 'data/ventes.csv', name: 'ventes.csv', format: 'csv' }, output: { columns: ['id_vente'], cols: 1 } }, 13).sql(22, 'INSERT INTO ventes VALUES (?, ?, ?)', { verb: 'INSERT', tables: ['ventes'], params_rows: 3 }).index(), ...sqliteWorkspace(table()) }),
      expect: { status: 'fail', message: 'fail', includes: ['ventes.remise_pct: rows dropped instead of imputed (2000 → 3, −1997, csv.DictReader etl.py:13 → INSERT etl.py:22)'], includesFr: ['ventes.remise_pct : lignes supprimées au lieu d\'imputer (2000 → 3, −1997, csv.DictReader etl.py:13 → INSERT etl.py:22)'], evidence: [{ subject: 'ventes.remise_pct', expected: 'imputed', actual: 'dropped before loading', location: { file: 'etl.py', line: 22 }, data: { nullsInSource: 181, nullsInTable: 0, sourceRows: 2000, tableRows: 3, removed: 1997 } }] },
    },
    {
      name: 'a group-wise fill whose values are no group statistic: to justify',
      options,
      evidence: run(new DataTrace().impute(26, 'remise_pct', { function: 'groupby.apply', by: ['magasin'], value: '? by magasin', kind: 'numeric', matches: [] })),
      expect: { status: 'warn', message: 'warn', includes: ['ventes.remise_pct: groupby(magasin) ? (etl.py:26)'] },
    },
    {
      name: 'the same constant in every group is judged as a constant',
      options,
      evidence: run(new DataTrace().impute(26, 'remise_pct', { function: 'groupby.transform', value: -1, kind: 'numeric', matches: [], stats })),
      expect: { status: 'fail', message: 'fail', includes: ['ventes.remise_pct: -1 ≠ mean 7.29, median 5 (etl.py:26)'] },
    },
    {
      name: 'interpolation: a method to justify',
      options,
      evidence: run(new DataTrace().impute(24, 'remise_pct', { function: 'interpolate', method: 'interpolate:linear', kind: 'numeric' })),
      expect: { status: 'warn', message: 'warn', includes: ['ventes.remise_pct: interpolate:linear (etl.py:24)'] },
    },
  ],
});
