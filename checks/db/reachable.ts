import { MsprError } from '../../runner/errors.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { findTable } from '../data/support/source-files.js';
import { reasonParams } from './support/open-database.js';

interface Options {
  service?: string;
  tables?: string[];
  minTables: number;
  minRows: number;
}

export default defineCheck({
  meta: {
    id: 'db/reachable',
    title: { fr: 'Base installée, joignable et listant ses tables', en: 'Database installed, reachable and listing its tables' },
    criteria: ['cdp-data-ia:C1.6', 'dev-ia-ds:A1.1 C5'],
    evidence: ['db'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        service: { type: 'string', description: 'service id of the database (default: the first one)' },
        tables: { type: 'array', items: { type: 'string' }, description: 'tables (or collections) that must exist' },
        minTables: { type: 'integer', minimum: 0, default: 1, description: 'minimum number of tables' },
        minRows: { type: 'integer', minimum: 0, default: 1, description: 'minimum rows in each expected table (storage structure holds the data)' },
      },
    },
    messages: {
      pass: { fr: 'Base {database} ({version}) joignable : {count} {count|table|tables} — {tables}.', en: 'Database {database} ({version}) reachable: {count} {count|table|tables} — {tables}.' },
      unreachable: {
        fr: 'Base injoignable : {reason}. Attendu : une base installée et joignable qui affiche ses tables (C1.6). Vérifiez que le pipeline crée la base et que mspr.yaml indique où.',
        en: 'Database unreachable: {reason}. Expected: an installed, reachable database that lists its tables (C1.6). Check that the pipeline creates the database and that mspr.yaml says where.',
      },
      tooFew: {
        fr: 'La base {database} ne contient que {count} {count|table|tables} ({tables}) ; attendu au moins {min}. Créez les tables et chargez-y les données.',
        en: 'Database {database} holds only {count} {count|table|tables} ({tables}); expected at least {min}. Create the tables and load the data into them.',
      },
      missing: {
        fr: 'Tables attendues absentes ou vides dans {database} : {missing} (présentes : {tables}). Chaque table attendue doit exister et contenir au moins {minRows} {minRows|ligne|lignes}.',
        en: 'Expected tables missing or empty in {database}: {missing} (found: {tables}). Each expected table must exist and hold at least {minRows} {minRows|row|rows}.',
      },
    },
  },
  async run({ options, databases }: CheckContext<Options>) {
    let db;
    try {
      db = await databases.open(options.service);
    } catch (error) {
      if (!(error instanceof MsprError) || error.code !== 'MSPR_DB_UNREACHABLE') throw error;
      return { status: 'fail', message: 'unreachable', params: reasonParams(error), evidence: [{ kind: 'db', subject: options.service ?? 'database', expected: 'reachable', actual: 'unreachable', note: error.text }] };
    }
    const tables = await db.listTables();
    const version = (await db.version().catch(() => null)) ?? db.kind;
    const counts = new Map<string, number>();
    for (const table of tables.slice(0, 50)) counts.set(table, await db.countRows(table));
    const listing = tables.map((t) => (counts.has(t) ? `${t} (${counts.get(t)})` : t)).join(', ') || '∅';
    const evidence: Evidence[] = [{ kind: 'db', subject: db.label, actual: tables.length, data: { version, tables: Object.fromEntries(counts) } }];
    const found = { database: db.label, tables: listing };
    const missing = (options.tables ?? []).filter((wanted) => {
      const table = findTable(tables, wanted);
      return !table || (counts.get(table) ?? 0) < options.minRows;
    });
    if (missing.length > 0) return { status: 'fail', message: 'missing', params: { ...found, missing: missing.join(', '), minRows: options.minRows }, evidence: [...evidence, { kind: 'db', subject: 'expected tables', expected: (options.tables ?? []).join(', '), actual: missing.join(', '), data: { missing } }] };
    if (tables.length < options.minTables) return { status: 'fail', message: 'tooFew', params: { ...found, count: tables.length, min: options.minTables }, evidence };
    return { status: 'pass', message: 'pass', params: { ...found, version, count: tables.length }, evidence };
  },
});
