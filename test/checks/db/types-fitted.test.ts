import check from '../../../checks/db/types-fitted.js';
import { testCheck } from '../../../checks/tester.js';
import { inserts, sqliteWorkspace } from '../data/support/data-trace.js';

const csv = 'code,libelle,jour,stock,prix\nA1,Épicerie fine,2025-01-31,12,4.5\nB2,Boissons,2025-02-01,300,12.25\n';
const files = { 'data/produits.csv': csv };
const options = { mappings: [{ source: 'data/produits.csv', table: 'produits' }] };
const rows = [['A1', 'Épicerie fine', '2025-01-31', 12, 4.5], ['B2', 'Boissons', '2025-02-01', 300, 12.25]];
const load = (ddl: string) => () => sqliteWorkspace([ddl, inserts('produits', rows)], files);

testCheck(check, {
  valid: [
    {
      name: 'sized text, DATE, integer and decimal',
      options,
      evidence: load('CREATE TABLE produits (code CHAR(2), libelle VARCHAR(20), jour DATE, stock SMALLINT, prix DECIMAL(6,2))'),
      expect: { status: 'pass', message: 'pass', includes: ['5 columns compared'], evidence: [{ kind: 'db', subject: 'produits.prix', expected: 'real', actual: 'DECIMAL(6,2)' }] },
    },
  ],
  invalid: [
    {
      name: 'pandas defaults: TEXT everywhere for strings (and dates)',
      options,
      evidence: load('CREATE TABLE produits (code TEXT, libelle TEXT, jour TEXT, stock INTEGER, prix REAL)'),
      expect: {
        status: 'warn',
        message: 'warn',
        includes: ['produits.code TEXT for 2 chars max', 'produits.jour TEXT: dates stored as text', 'produits.libelle VARCHAR(13)'],
        evidence: [{ subject: 'produits.libelle', expected: '~VARCHAR(13)', actual: 'TEXT', data: { source: 'data/produits.csv', sourceType: 'text', longest: 13, suggestion: 'VARCHAR(13)' } }],
      },
    },
    {
      name: 'VARCHAR(255) for a two-letter code',
      options,
      evidence: load('CREATE TABLE produits (code VARCHAR(255), libelle VARCHAR(20), jour DATE, stock INTEGER, prix REAL)'),
      expect: { status: 'warn', message: 'warn', includes: ['produits.code VARCHAR(255) for 2 chars max'], includesFr: ['produits.code VARCHAR(255) pour 2 caractères au plus'] },
    },
    {
      name: 'numbers stored as text',
      options,
      evidence: load('CREATE TABLE produits (code CHAR(2), libelle VARCHAR(20), jour DATE, stock VARCHAR(10), prix TEXT)'),
      expect: { status: 'fail', message: 'fail', includes: ['produits.stock VARCHAR(10): numbers stored as text', 'Suggested types: produits.stock INTEGER, produits.prix REAL / DECIMAL'] },
    },
    {
      name: 'text narrower than the longest value',
      options,
      evidence: load('CREATE TABLE produits (code CHAR(2), libelle VARCHAR(8), jour DATE, stock INTEGER, prix REAL)'),
      expect: { status: 'fail', message: 'fail', includes: ['produits.libelle VARCHAR(8) < 13 chars'] },
    },
  ],
});
