import check from '../../../checks/db/no-truncation.js';
import { testCheck } from '../../../checks/tester.js';
import { DataTrace, inserts, sqliteWorkspace } from '../data/support/data-trace.js';

/** A trace where the labels went through `str[:stop]` at etl.py:31, cutting `cut` of them. */
const sliced = (stop: number, cut: number) => new DataTrace().add('text_slice', { function: 'str[]', column: 'libelle', stop, rows: 2, longest: 38, cut }, 31).index();

const csv = 'code,libelle,stock,prix\nA1,Épicerie fine réf. 001 format familial,12,4.5\nB2,Boissons,300,12.25\n';
const files = { 'data/produits.csv': csv };
const options = { mappings: [{ source: 'data/produits.csv', table: 'produits' }] };
const load = (ddl: string, rows: unknown[][]) => () => sqliteWorkspace([ddl, inserts('produits', rows)], files);
const rows = [['A1', 'Épicerie fine réf. 001 format familial', 12, 4.5], ['B2', 'Boissons', 300, 12.25]];

testCheck(check, {
  valid: [
    {
      name: 'widths and types that hold every value',
      options,
      evidence: load('CREATE TABLE produits (code CHAR(2), libelle VARCHAR(40), stock INTEGER, prix DECIMAL(6,2))', rows),
      expect: { status: 'pass', message: 'pass', evidence: [{ kind: 'db', subject: 'sqlite:warehouse.db', actual: 4 }], includes: ['4 columns compared'] },
    },
    {
      name: 'unbounded TEXT holds everything (blanket widths are db/types-fitted’s business)',
      options,
      evidence: load('CREATE TABLE produits (code TEXT, libelle TEXT, stock INTEGER, prix REAL)', rows),
      expect: { status: 'pass', message: 'pass' },
    },
    {
      name: 'a str[:n] that cut nothing the table holds: every value stored whole',
      options,
      evidence: () => ({ ...load('CREATE TABLE produits (code TEXT, libelle TEXT, stock INTEGER, prix REAL)', rows)(), trace: sliced(60, 0) }),
      expect: { status: 'pass', message: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'VARCHAR(20) and labels cut to 20 characters (MySQL without strict mode)',
      options,
      evidence: load('CREATE TABLE produits (code CHAR(2), libelle VARCHAR(20), stock INTEGER, prix REAL)', [['A1', 'Épicerie fine réf. 0', 12, 4.5], ['B2', 'Boissons', 300, 12.25]]),
      expect: {
        status: 'fail',
        message: 'fail',
        includes: ['produits.libelle VARCHAR(20) < 38 chars, 1 value truncated, e.g. "Épicerie fine réf. 001 format familial…" (38 chars) → "Épicerie fine réf. 0"'],
        includesFr: ['produits.libelle VARCHAR(20) < 38 caractères, 1 valeur tronquée, par ex. "Épicerie fine réf. 001 format familial…" (38 caractères) → "Épicerie fine réf. 0"'],
        evidence: [{ subject: 'produits.libelle', expected: '>= 38 chars', actual: 'VARCHAR(20)', data: { source: 'data/produits.csv', longest: 38, declaredWidth: 20, truncated: 1, examples: ['Épicerie fine réf. 001 format familial'], storedAs: ['Épicerie fine réf. 0'], storedLongest: 20 } }],
      },
    },
    {
      name: 'declared too short even where SQLite kept the whole value',
      options,
      evidence: load('CREATE TABLE produits (code CHAR(2), libelle VARCHAR(30), stock INTEGER, prix REAL)', rows),
      expect: { status: 'fail', message: 'fail', includes: ['produits.libelle VARCHAR(30) < 38 chars'] },
    },
    {
      name: 'TINYINT for a stock of 300, INTEGER for prices with cents',
      options,
      evidence: load('CREATE TABLE produits (code CHAR(2), libelle TEXT, stock TINYINT, prix INTEGER)', rows),
      expect: { status: 'fail', message: 'fail', includes: ['produits.prix INTEGER rounds 2 decimals'], includesFr: ['produits.prix INTEGER arrondit 2 décimales'] },
    },
    {
      name: 'DECIMAL(4,1) rounds the cents',
      options,
      evidence: load('CREATE TABLE produits (code CHAR(2), libelle TEXT, stock INTEGER, prix DECIMAL(4,1))', rows),
      expect: { status: 'fail', message: 'fail', includes: ['produits.prix DECIMAL(4,1) rounds 2 decimals'] },
    },
    {
      name: 'labels cut with str[:20] before loading into TEXT: the declared width says nothing, the values do',
      options,
      evidence: () => ({ ...load('CREATE TABLE produits (code TEXT, libelle TEXT, stock INTEGER, prix REAL)', [['A1', 'Épicerie fine réf. 0', 12, 4.5], ['B2', 'Boissons', 300, 12.25]])(), trace: sliced(20, 1) }),
      expect: {
        status: 'fail',
        message: 'cut',
        includes: ['produits.libelle 1 value truncated, e.g. "Épicerie fine réf. 001 format familial…" (38 chars) → "Épicerie fine réf. 0", str[:20] etl.py:31'],
        includesFr: ['produits.libelle 1 valeur tronquée, par ex. "Épicerie fine réf. 001 format familial…" (38 caractères) → "Épicerie fine réf. 0", str[:20] etl.py:31'],
        evidence: [
          { subject: 'produits.libelle', expected: '>= 38 chars', actual: 'TEXT', data: { source: 'data/produits.csv', longest: 38, declaredWidth: null, truncated: 1, examples: ['Épicerie fine réf. 001 format familial'], storedAs: ['Épicerie fine réf. 0'], storedLongest: 20 } },
          { subject: 'produits.libelle', actual: 'str[:20]', location: { file: 'etl.py', line: 31 }, data: { cut: 1, longest: 38 } },
        ],
      },
    },
    {
      name: 'values shortened before loading with no trace of how: their stored prefix gives them away',
      options,
      evidence: load('CREATE TABLE produits (code TEXT, libelle TEXT, stock INTEGER, prix REAL)', [['A1', 'Épicerie fine réf. 0', 12, 4.5], ['B2', 'Boissons', 300, 12.25]]),
      expect: { status: 'fail', message: 'cut', includes: ['produits.libelle 1 value truncated'], includesFr: ['produits.libelle 1 valeur tronquée'] },
    },
  ],
});
