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
      expect: { status: 'fail', message: 'fail', includes: ['ventes.remise_pct: 1 null(s) left in the table'], evidence: [{ kind: 'db', subject: 'ventes.remise_pct', expected: 0, actual: 1 }] },
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
  ],
});
