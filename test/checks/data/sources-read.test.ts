import check from '../../../checks/data/sources-read.js';
import { testCheck } from '../../../checks/tester.js';
import { boutique, DataTrace, OBJECTIFS, PRODUITS, VENTES } from './support/data-trace.js';

const readAll = () => new DataTrace().read(3, 'ventes.csv', VENTES, 2000).read(4, 'produits.json', PRODUITS, 60).read(5, 'objectifs.xlsx', OBJECTIFS, 60);
const merge = (t: DataTrace, line: number, left: string[], leftRows: number, right: string, outRows: number, keys: Record<string, unknown> = { on: 'id_produit', how: 'left' }) =>
  t.add('combine', { function: 'merge', inputs: [t.frame(left, leftRows), t.frames[right]!], keys, output: t.frame([...new Set([...left, ...t.frames[right]!.columns!])], outRows) }, line);

testCheck(check, {
  valid: [
    {
      name: 'the three sources read, sales enriched with the catalogue (lookup keeps the rows)',
      evidence: () => ({ datasets: boutique, trace: merge(readAll(), 20, VENTES, 1960, 'produits.json', 1960).index() }),
      expect: { status: 'pass', message: 'pass', includes: ['objectifs.xlsx, produits.json, ventes.csv', 'merge(ventes.csv, produits.json) etl.py:20'], evidence: [{ subject: 'read produits.json', actual: 60, location: { file: 'etl.py', line: 4 } }, { subject: 'merge', actual: 'ventes.csv + produits.json' }] },
    },
    {
      name: 'sales aggregated by shop and month, then joined to the monthly targets (granularity aligned)',
      evidence: () => {
        const t = readAll().add('combine', { function: 'groupby', inputs: [{ rows: 1960, cols: 9, columns: [...VENTES, 'mois'] }], keys: { by: ['magasin', 'mois'] } }, 18);
        return { datasets: boutique, trace: merge(t, 19, ['magasin', 'mois', 'ca'], 60, 'objectifs.xlsx', 60, { on: ['magasin', 'mois'] }).index() };
      },
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'merge', actual: 'ventes.csv + objectifs.xlsx' }] },
    },
  ],
  invalid: [
    {
      name: 'the JSON catalogue is never read',
      evidence: () => ({ datasets: boutique, trace: new DataTrace().read(3, 'ventes.csv', VENTES, 2000).read(5, 'objectifs.xlsx', OBJECTIFS, 60).index() }),
      expect: { status: 'fail', message: 'notRead', includes: ['never read by the code: produits.json'], score: 2 / 3, evidence: [{ subject: 'read produits.json', actual: null }] },
    },
    {
      name: 'all read, none combined',
      evidence: () => ({ datasets: boutique, trace: readAll().index() }),
      expect: { status: 'fail', message: 'notCombined' },
    },
    {
      name: 'daily sales joined to monthly targets on the shop alone: rows multiplied',
      evidence: () => ({ datasets: boutique, trace: merge(readAll(), 22, VENTES, 1960, 'objectifs.xlsx', 23520, { on: 'magasin' }).index() }),
      expect: { status: 'warn', message: 'granularity', includes: ['merge etl.py:22: 1960 × 60 → 23520'] },
    },
    { name: 'no trace', evidence: { datasets: boutique }, expect: { status: 'fail', message: 'noTrace' } },
  ],
});
