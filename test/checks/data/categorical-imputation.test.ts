import check from '../../../checks/data/categorical-imputation.js';
import { testCheck } from '../../../checks/tester.js';
import { boutique, DataTrace, inserts, sqliteWorkspace } from './support/data-trace.js';

const options = { mappings: [{ source: 'ventes.csv', table: 'ventes' }, { source: 'produits.json', table: 'produits' }] };
const tables = (nullCanal = 0) => [
  'CREATE TABLE ventes (id_vente INTEGER, remise_pct REAL, canal TEXT)',
  inserts('ventes', [[1, 5, nullCanal ? null : 'web'], [2, 0, 'magasin']]),
  'CREATE TABLE produits (id_produit TEXT, categorie TEXT)',
  inserts('produits', [['P001', 'textile']]),
];
const run = (trace: DataTrace, nullCanal = 0) => () => ({ datasets: boutique, trace: trace.index(), ...sqliteWorkspace(tables(nullCanal)) });
const canalMode = (t: DataTrace) => t.impute(25, 'canal', { value: 'magasin', kind: 'categorical', matches: ['mode'], stats: { mode: 'magasin', distinct: 3, value_seen: true } });
const categorieMode = (t: DataTrace) => t.impute(26, 'categorie', { value: 'textile', kind: 'categorical', matches: ['mode'], stats: { mode: 'textile', modes: ['textile', 'épicerie'], distinct: 6 } });

testCheck(check, {
  valid: [
    {
      name: 'the most frequent modality in both sources',
      options,
      evidence: run(categorieMode(canalMode(new DataTrace()))),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'ventes.canal', expected: 'mode', actual: 'mode' }], includes: ['ventes.canal: mode ("magasin", etl.py:25)', 'produits.categorie: mode ("textile"'] },
    },
    {
      name: 'SimpleImputer(strategy="most_frequent") on a frame of both columns',
      options,
      evidence: run(new DataTrace().add('fit', { method: 'fit_transform', estimator: 'SimpleImputer', obj: 'o3', params: { strategy: 'most_frequent' }, x: { rows: 2000, cols: 2, columns: ['canal', 'categorie'] } }, 31)),
      expect: { status: 'pass', message: 'pass', includes: ['SimpleImputer(most_frequent) etl.py:31'] },
    },
    {
      name: 'the mode of each store (groupby transform), .loc[mask, col] = mode for the catalogue',
      options,
      evidence: run(new DataTrace()
        .impute(25, 'canal', { function: 'groupby.transform', by: ['magasin'], value: 'mode by magasin', kind: 'categorical', matches: ['mode'] })
        .impute(26, 'categorie', { function: 'loc', inplace: true, value: 'textile', kind: 'categorical', matches: ['mode'], stats: { mode: 'textile', distinct: 6 } })),
      expect: { status: 'pass', message: 'pass', includes: ['ventes.canal: mode groupby(magasin) (etl.py:25)', 'produits.categorie: mode ("textile", etl.py:26)'] },
    },
    {
      name: 'SimpleImputer(most_frequent) inside a ColumnTransformer, for the column it was given',
      options: { mappings: [{ source: 'ventes.csv', table: 'ventes' }] },
      evidence: run(new DataTrace().add('fit', { method: 'fit_transform', estimator: 'Pipeline', obj: 'o4', x: { rows: 2000, cols: 9 }, imputers: [{ path: 'prep/cat', class: 'SimpleImputer', columns: ['canal'], strategy: 'most_frequent', statistics: { canal: 'magasin' } }] }, 33)),
      expect: { status: 'pass', message: 'pass', includes: ['ventes.canal: SimpleImputer(most_frequent) [prep/cat] etl.py:33'] },
    },
  ],
  invalid: [
    {
      name: 'a constant label that is not the mode',
      options,
      evidence: run(canalMode(new DataTrace()).impute(26, 'categorie', { value: 'inconnu', kind: 'categorical', matches: [], stats: { mode: 'textile', distinct: 6, value_seen: false } })),
      expect: { status: 'fail', message: 'fail', includes: ['produits.categorie: "inconnu" ≠ mode "textile" (etl.py:26)'], score: 0.5, evidence: [{ subject: 'produits.categorie', actual: '"inconnu"' }] },
    },
    {
      name: 'the mean of a numeric-coded category (declared categorical)',
      options: { mappings: [{ source: 'ventes.csv', table: 'ventes' }], categorical: ['remise_pct'] },
      evidence: run(canalMode(new DataTrace()).impute(24, 'remise_pct', { value: 7.29, kind: 'numeric', matches: ['mean'], stats: { mean: 7.29, median: 5 } })),
      expect: { status: 'fail', message: 'fail', includes: ['ventes.remise_pct: mean 7.29 on a categorical column'], includesFr: ['ventes.remise_pct : moyenne 7.29 sur une colonne qualitative'] },
    },
    {
      name: 'nulls left in the table',
      options,
      evidence: run(categorieMode(new DataTrace()), 1),
      expect: { status: 'fail', message: 'fail', includes: ['ventes.canal: 1 null left'] },
    },
    {
      name: 'fillna with a series no group statistic explains: to justify',
      options: { mappings: [{ source: 'ventes.csv', table: 'ventes' }] },
      evidence: run(new DataTrace().impute(25, 'canal', { value: { class: 'Series' }, from_values: true, kind: 'categorical', matches: [] })),
      expect: { status: 'warn', message: 'warn', includes: ['ventes.canal: fillna(Series) (etl.py:25)'] },
    },
  ],
});
