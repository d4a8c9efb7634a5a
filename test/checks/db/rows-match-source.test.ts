import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import check from '../../../checks/db/rows-match-source.js';
import { testCheck } from '../../../checks/tester.js';
import { workspaceFiles } from '../../../runner/evidence/workspace-files.js';
import { packagePath } from '../../../runner/paths.js';
import { sqliteAccess, writeSqlite } from '../../helpers/sqlite-fixture.js';
import { tempRepo } from '../../helpers/temp-repo.js';
import { DataTrace, VENTES } from '../data/support/data-trace.js';

const datasets = workspaceFiles(packagePath('datasets/boutique'));
const allThree = {
  mappings: [
    { source: 'ventes.csv', table: 'ventes' },
    { source: 'produits.json', table: 'produits' },
    { source: 'objectifs.xlsx', table: 'objectifs' },
  ],
};

/** A candidate workspace with a SQLite file holding these tables. */
function loaded(tables: Record<string, number>, extraFiles: Record<string, string> = {}) {
  return () => {
    const workspace = tempRepo({ 'README.md': '# x\n', ...extraFiles });
    writeSqlite(workspace, 'warehouse.db', tables);
    return { workspace, datasets, databases: sqliteAccess(workspace) };
  };
}

testCheck(check, {
  valid: [
    {
      name: 'CSV, JSON and XLSX sources all loaded in full',
      options: allThree,
      evidence: loaded({ ventes: 2000, produits: 60, objectifs: 60 }),
      expect: {
        status: 'pass',
        message: 'pass',
        evidence: [
          { subject: 'table ventes', expected: 2000, actual: 2000 },
          { subject: 'table produits', expected: 60, actual: 60 },
          { subject: 'table objectifs', expected: 60, actual: 60 },
        ],
      },
    },
    {
      name: 'table names compared without case (SQLite ignores it)',
      options: { mappings: [{ source: 'produits.json', table: 'PRODUITS' }] },
      evidence: loaded({ Produits: 60 }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'table Produits', actual: 60 }] },
    },
    {
      name: "candidate's own copy of the source is preferred (what their code read)",
      options: { mappings: [{ source: 'data/mini.csv', table: 'mini' }] },
      evidence: loaded({ mini: 3 }, { 'data/mini.csv': 'a,b\n1,x\n2,y\n3,z\n' }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'table mini', expected: 3, actual: 3 }] },
    },
    {
      name: 'fewer rows, exactly the ones the cleaning dropped (traced drop_duplicates and filter)',
      options: { mappings: [{ source: 'ventes.csv', table: 'ventes' }] },
      evidence: () => {
        const t = new DataTrace().read(3, 'ventes.csv', VENTES, 2000);
        t.add('rows_dropped', { function: 'drop_duplicates', input: t.frame(VENTES, 2000), rows_before: 2000, rows_after: 1980, removed: 20 }, 18);
        t.add('rows_dropped', { function: 'filter', input: t.frame(VENTES, 1980), rows_before: 1980, rows_after: 1960, removed: 20 }, 19);
        t.add('data_write', { function: 'to_sql', table: 'ventes', if_exists: 'replace', input: t.frame(VENTES, 1960) }, 30);
        return { ...loaded({ ventes: 1960 })(), trace: t.index() };
      },
      expect: {
        status: 'pass',
        message: 'passDropped',
        includes: ['ventes 1960 / ventes.csv 2000 − 40 dropped on purpose', 'drop_duplicates 20 etl.py:18, filter 20 etl.py:19'],
        evidence: [{ subject: 'dropped from ventes.csv', actual: 20, location: { file: 'etl.py', line: 18 } }],
      },
    },
  ],
  invalid: [
    {
      name: 'a chunk refused by the primary key and silently skipped',
      options: { mappings: [{ source: 'ventes.csv', table: 'ventes' }] },
      evidence: () => {
        const t = new DataTrace().read(3, 'ventes.csv', VENTES, 2000);
        for (let chunk = 0; chunk < 3; chunk++) t.add('data_write', { function: 'to_sql', table: 'ventes', if_exists: 'append', input: t.frame(VENTES, 500) }, 40);
        t.add('data_write', { function: 'to_sql', table: 'ventes', if_exists: 'append', input: t.frame(VENTES, 500), error: 'IntegrityError: UNIQUE constraint failed: ventes.id_vente' }, 40);
        return { ...loaded({ ventes: 1500 })(), trace: t.index() };
      },
      expect: {
        status: 'fail',
        message: 'lost',
        includes: ['ventes 1500 / 2000 sent (500 lost; failed: IntegrityError etl.py:40)'],
        includesFr: ['ventes 1500 / 2000 envoyées (500 perdues ; en échec : IntegrityError etl.py:40)'],
        evidence: [{ subject: 'load ventes', location: { file: 'etl.py', line: 40 }, data: { error: 'IntegrityError: UNIQUE constraint failed: ventes.id_vente' } }],
      },
    },
    {
      name: 'fewer rows and no traced drop: the difference is unexplained',
      options: { mappings: [{ source: 'ventes.csv', table: 'ventes' }] },
      evidence: () => ({ ...loaded({ ventes: 1960 })(), trace: new DataTrace().read(3, 'ventes.csv', VENTES, 2000).index() }),
      expect: { status: 'fail', message: 'mismatch', includes: ['ventes 1960 / ventes.csv 2000 (40 missing)'], includesFr: ['ventes 1960 / ventes.csv 2000 (40 manquantes)'] },
    },
    {
      name: 'duplicates silently dropped from ventes',
      options: allThree,
      evidence: loaded({ ventes: 1980, produits: 60, objectifs: 60 }),
      expect: {
        status: 'fail',
        message: 'mismatch',
        includes: ['ventes 1980 / ventes.csv 2000 (20 missing)'],
        score: 2 / 3,
        evidence: [{ subject: 'table ventes', expected: 2000, actual: 1980, data: expect.objectContaining({ difference: -20 }) }],
      },
    },
    {
      name: 'rows appended twice',
      options: { mappings: [{ source: 'objectifs.xlsx', table: 'objectifs' }] },
      evidence: loaded({ objectifs: 120 }),
      expect: { status: 'fail', message: 'mismatch', includes: ['60 extra'], includesFr: ['60 en trop'], evidence: [{ subject: 'table objectifs', expected: 60, actual: 120 }] },
    },
    {
      name: 'table never created',
      options: allThree,
      evidence: loaded({ ventes: 2000, produits: 60 }),
      expect: { status: 'fail', message: 'mismatch', includes: ['objectifs: missing table'], includesFr: ['objectifs : table absente'], evidence: [{ subject: 'table objectifs', expected: 60, actual: null }] },
    },
    {
      name: 'corrupt CSV source is an error, not a fail',
      options: { mappings: [{ source: 'data/broken.csv', table: 'broken' }] },
      evidence: loaded({ broken: 2 }, { 'data/broken.csv': 'a,b\n1,2\n"never closed,3\n' }),
      expect: { status: 'error', message: 'error', includes: ['Cannot read data/broken.csv'] },
    },
    {
      name: 'source file that exists nowhere',
      options: { mappings: [{ source: 'clients.csv', table: 'clients' }] },
      evidence: loaded({ clients: 5 }),
      expect: { status: 'error', message: 'error', includes: ['Source file not found: clients.csv'] },
    },
    {
      // The team's pipeline left no database: fail, as db/reachable says (error only when a step was blocked).
      name: 'no database was produced',
      options: allThree,
      evidence: () => {
        const workspace = tempRepo({ 'README.md': '# x\n' });
        return { workspace, datasets, databases: sqliteAccess(workspace) };
      },
      expect: { status: 'fail', message: 'noDatabase', includes: ['No database to read: No SQLite database (.db, .sqlite) was found after the run. Expected'] },
    },
    {
      name: 'rows left out while reading with the csv module, every row sent arrived: removed before loading',
      options: { mappings: [{ source: 'ventes.csv', table: 'ventes' }] },
      evidence: () => {
        const t = new DataTrace()
          .add('data_read', { function: 'csv.DictReader', origin: { path: 'data/ventes.csv', name: 'ventes.csv', format: 'csv' }, output: { columns: VENTES, cols: 9 } }, 13)
          .sql(22, 'INSERT INTO ventes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', { tables: ['ventes'], params_rows: 1589, rowcount: 1589 });
        return { ...loaded({ ventes: 1589 })(), trace: t.index() };
      },
      expect: {
        status: 'fail',
        message: 'filtered',
        includes: ['ventes 1589 / ventes.csv 2000 (−411, csv.DictReader etl.py:13 → etl.py:22)'],
        evidence: [
          { subject: 'table ventes', expected: 2000, actual: 1589 },
          { subject: 'read ventes.csv', actual: 'csv.DictReader', location: { file: 'etl.py', line: 13 } },
          { subject: 'load ventes', expected: 2000, actual: 1589, location: { file: 'etl.py', line: 22 }, data: { removedBeforeLoad: 411, tracedDrops: 0 } },
        ],
      },
    },
  ],
});

// Keeps the fixture honest: the counts asserted above are the dataset's real ones.
if (readFileSync(datasets.resolve('ventes.csv'), 'utf8').trim().split('\n').length !== 2001) throw new Error('boutique/ventes.csv changed');
