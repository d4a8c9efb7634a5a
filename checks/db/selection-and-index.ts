import type { TraceEvent } from '../../runner/tracer/trace-event.js';
import { defineCheck } from '../check.js';
import { traced } from '../ml/support/check-helpers.js';
import { where } from '../ml/support/locations.js';
import type { Evidence } from '../verdict.js';
import { dataOrSkip, NO_TRACE } from '../data/support/check-support.js';
import { fetchAfter } from '../data/support/data-facts.js';

interface Options {
  service?: string;
}

/** A query that chooses its scope: a column list, a filter, a grouping — not a bare `SELECT * FROM t`. */
const SCOPED = /\bwhere\b|\bgroup\s+by\b|\bhaving\b|^\s*(?:with\b[\s\S]*?\)\s*)?select\s+(?!\*\s+from)(?!distinct\s+\*)/i;

export default defineCheck<Options>({
  meta: {
    id: 'db/selection-and-index',
    title: { fr: 'Sélection de lignes et de colonnes, index créé', en: 'Rows and columns selected, index created' },
    criteria: ['cdp-data-ia:C2.1', 'dev-ia-ds:A1.1 C7'],
    evidence: ['trace', 'db'],
    options: { type: 'object', additionalProperties: false, properties: { service: { type: 'string' } } },
    messages: {
      ...NO_TRACE,
      pass: { fr: 'Sélection : {selection}. Index : {indexes}.', en: 'Selection: {selection}. Index: {indexes}.' },
      fail: {
        fr: 'Manque : {missing}. Attendu : une requête qui sélectionne plusieurs observations et plusieurs variables (colonnes nommées ou filtre WHERE), et au moins un index créé sur une table chargée (C2.1). Sélection : {selection} ; index : {indexes}.',
        en: 'Missing: {missing}. Expected: a query selecting several observations and several variables (named columns or a WHERE filter), and at least one index created on a loaded table (C2.1). Selection: {selection}; index: {indexes}.',
      },
    },
  },
  async run(ctx) {
    const got = dataOrSkip(ctx);
    if ('skip' in got) return got.skip;
    const { facts } = got;
    const selections: Array<{ event: TraceEvent; rows: number; columns: number; sql: string }> = [];
    for (const event of facts.sql) {
      if (event.error || event.verb !== 'SELECT' || !SCOPED.test(event.statement ?? '')) continue;
      const fetch = fetchAfter(event, facts.fetches);
      selections.push({ event, rows: fetch?.rows ?? event.rowcount ?? 0, columns: event.columns?.length ?? 0, sql: event.statement ?? '' });
    }
    for (const read of facts.sqlReads) {
      if (read.origin?.sql && SCOPED.test(read.origin.sql)) selections.push({ event: read, rows: read.output?.rows ?? 0, columns: read.output?.cols ?? 0, sql: read.origin.sql });
    }
    for (const op of facts.mongo) if ((op.operation === 'find' || op.operation === 'aggregate') && !op.error) selections.push({ event: op, rows: 2, columns: 2, sql: `${op.operation} ${JSON.stringify(op.filter ?? op.spec ?? {})}` });
    const selection = selections.find((s) => s.rows >= 2 && s.columns >= 2);

    const db = await ctx.databases.open(ctx.options.service);
    const created: string[] = [];
    for (const table of await db.listTables()) {
      for (const index of await db.indexes(table)) if (!index.primary && !/^sqlite_autoindex/.test(index.name) && index.name !== '_id_') created.push(`${index.name} ON ${table}(${index.columns.join(', ')})`);
    }
    const evidence: Evidence[] = [
      selection ? traced('selection', selection.event, { actual: `${selection.rows} rows × ${selection.columns} columns`, data: { sql: selection.sql.slice(0, 200) } }) : { kind: 'trace', subject: 'selection', expected: '>= 2 rows × >= 2 columns', actual: null, data: { queries: selections.length } },
      { kind: 'db', subject: 'indexes', expected: '>= 1', actual: created.length, data: { indexes: created.slice(0, 20), database: db.label } },
    ];
    const params = {
      selection: selection ? `${selection.rows} × ${selection.columns} (${where(selection.event)})` : '—',
      indexes: created.slice(0, 5).join(', ') || '—',
      missing: [selection ? '' : 'selection / sélection', created.length ? '' : 'index'].filter(Boolean).join(', '),
    };
    if (!selection || created.length === 0) return { status: 'fail', score: (selection ? 0.5 : 0) + (created.length ? 0.5 : 0), message: 'fail', params, evidence };
    return { status: 'pass', message: 'pass', params, evidence };
  },
});
