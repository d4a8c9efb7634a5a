import check from '../../../checks/db/selection-and-index.js';
import { testCheck } from '../../../checks/tester.js';
import { DataTrace, inserts, sqliteWorkspace } from '../data/support/data-trace.js';

const withIndex = ['CREATE TABLE ventes (id INTEGER PRIMARY KEY, magasin TEXT, quantite INTEGER)', inserts('ventes', [[1, 'Lyon', 2], [2, 'Lille', 3]]), 'CREATE INDEX idx_ventes_magasin ON ventes (magasin)'];
const noIndex = ['CREATE TABLE ventes (id TEXT PRIMARY KEY, magasin TEXT, quantite INTEGER)'];
// pymongo operations as the tracer records them: find's filter, aggregate's pipeline (stage bodies past the
// tracer's depth limit read as {class: 'dict'}). The index half reads whatever database the run used; no MongoDB
// server can run here, so these cases pair the Mongo trace with the SQLite store.
const mongo = (operation: string, fields: Record<string, unknown>) => new DataTrace().add('mongo', { operation, collection: 'ventes', database: 'boutique', duration: 0.002, ...fields }, 14, 'analyse.py');
const DICT = { class: 'dict', module: 'builtins' };
const selecting = () => new DataTrace().sql(14, "SELECT magasin, quantite FROM ventes WHERE quantite > 1", { tables: ['ventes'], columns: ['magasin', 'quantite'] }).add('sql_fetch', { driver: 'sqlite3', rows: 412, columns: ['magasin', 'quantite'] }, 15);

testCheck(check, {
  valid: [
    {
      name: 'filtered two-column query returning 412 rows, an index on magasin',
      evidence: () => ({ trace: selecting().index(), ...sqliteWorkspace(withIndex) }),
      expect: { status: 'pass', message: 'pass', includes: ['412 × 2 (etl.py:14)', 'idx_ventes_magasin ON ventes(magasin)'], evidence: [{ subject: 'indexes', actual: 1 }] },
    },
    {
      name: 'MongoDB find with a filter: the filter in the evidence, no invented sizes',
      evidence: () => ({ trace: mongo('find', { filter: { magasin: 'Lyon', quantite: { $gte: 6 } } }).index(), ...sqliteWorkspace(withIndex) }),
      expect: {
        status: 'pass', message: 'pass',
        includes: ['ventes.find({"magasin":"Lyon","quantite":{"$gte":6}}) (analyse.py:14)'],
        evidence: [{ subject: 'selection', actual: 'find {"magasin":"Lyon","quantite":{"$gte":6}}', data: { collection: 'ventes', filter: { magasin: 'Lyon', quantite: { $gte: 6 } } } }],
      },
    },
    {
      name: 'MongoDB find with a projection only: a selection of variables',
      evidence: () => ({ trace: mongo('find', { filter: {}, projection: { magasin: 1, quantite: 1 } }).index(), ...sqliteWorkspace(withIndex) }),
      expect: {
        status: 'pass', message: 'pass',
        includes: ['ventes.find({}, {"magasin":1,"quantite":1})'],
        evidence: [{ subject: 'selection', actual: 'find {} {"magasin":1,"quantite":1}', data: { collection: 'ventes', filter: {}, projection: { magasin: 1, quantite: 1 } } }],
      },
    },
    {
      name: 'MongoDB aggregate with $match and $project stages',
      evidence: () => ({ trace: mongo('aggregate', { spec: [{ $match: DICT }, { $project: DICT }] }).index(), ...sqliteWorkspace(withIndex) }),
      expect: { status: 'pass', message: 'pass', includes: ['ventes.aggregate([$match, $project]) (analyse.py:14)'], evidence: [{ subject: 'selection', actual: 'aggregate [$match, $project]' }] },
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
      expect: { status: 'fail', message: 'fail', includes: ['Missing: selection'], includesFr: ['Manque : sélection'] },
    },
    {
      name: 'a bare MongoDB find() selects neither documents nor fields',
      evidence: () => ({ trace: mongo('find', { filter: {} }).add('mongo', { operation: 'find', collection: 'ventes', filter: null }, 15, 'analyse.py').index(), ...sqliteWorkspace(withIndex) }),
      expect: { status: 'fail', message: 'fail', includes: ['Missing: selection'], score: 0.5, evidence: [{ subject: 'selection', actual: null }] },
    },
    {
      name: 'a MongoDB aggregate that only groups ($group, $sort) selects nothing',
      evidence: () => ({ trace: mongo('aggregate', { spec: [{ $group: DICT }, { $sort: DICT }] }).index(), ...sqliteWorkspace(withIndex) }),
      expect: { status: 'fail', message: 'fail', includes: ['Missing: selection'], score: 0.5 },
    },
  ],
});
