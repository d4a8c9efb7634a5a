import type { TraceEvent } from '../../runner/tracer/trace-event.js';
import { type CheckContext, defineCheck } from '../check.js';
import { dataFacts, fetchAfter } from '../data/support/data-facts.js';
import { carriesColumns } from './support/select-list.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';

interface Options {
  service?: string;
  tables?: string[];
  maxRows: number;
}

const LIMITED = /\blimit\s+\d+|\btop\s*\(?\s*\d+|\bfetch\s+first\b|\brownum\b/i;

export default defineCheck({
  meta: {
    id: 'db/first-rows-read',
    title: { fr: 'Premières lignes relues depuis la base', en: 'First rows read back from the database' },
    criteria: ['cdp-data-ia:C1.9'],
    evidence: ['trace'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        service: { type: 'string', description: 'service id of the database (default: the first one)' },
        tables: { type: 'array', items: { type: 'string' }, description: 'loaded tables (default: every table of the database)' },
        maxRows: { type: 'integer', minimum: 1, default: 20, description: 'a query returning at most this many rows counts as "first rows"' },
      },
    },
    messages: {
      ...NO_TRACE,
      pass: { fr: 'Premières lignes relues : {reads}.', en: 'First rows read back: {reads}.' },
      none: {
        fr: "Les premières lignes des tables chargées ({tables}) ne sont jamais relues depuis la base. Attendu : afficher les x premières lignes de chaque table pour vérifier contenu et lisibilité (C1.9), par exemple pd.read_sql('SELECT * FROM ventes LIMIT 5', con). Un agrégat (SELECT COUNT(*)…) ou une seule colonne ne montre pas le contenu des lignes.",
        en: "The first rows of the loaded tables ({tables}) are never read back from the database. Expected: show the first x rows of each table to check content and readability (C1.9), e.g. pd.read_sql('SELECT * FROM ventes LIMIT 5', con). An aggregate (SELECT COUNT(*)…) or a single column does not show the rows' content.",
      },
    },
  },
  async run(ctx: CheckContext<Options>) {
    const got = factsOrSkip(ctx, dataFacts);
    if ('skip' in got) return got.skip;
    const { facts } = got;
    const tables = ctx.options.tables ?? (await ctx.databases.open(ctx.options.service).then((db) => db.listTables()).catch(() => facts.writes.flatMap((w) => (w.table ? [w.table] : []))));
    const loaded = new Set(tables.map((t) => t.toLowerCase()));
    const onLoaded = (names: string[] | undefined) => (names ?? []).some((t) => loaded.has(t.toLowerCase()));
    const hits: Array<{ table: string; event: TraceEvent; how: string }> = [];
    for (const event of facts.sql) {
      if (event.error || event.verb !== 'SELECT' || !onLoaded(event.tables)) continue;
      const fetched = fetchAfter(event, facts.fetches);
      if (!carriesColumns(event.statement ?? '', fetched?.columns?.length ?? event.columns?.length)) continue;
      if (LIMITED.test(event.statement ?? '') || (fetched && fetched.rows <= ctx.options.maxRows)) hits.push({ table: event.tables!.find((t) => loaded.has(t.toLowerCase()))!, event, how: event.statement ?? 'SELECT' });
    }
    for (const read of facts.sqlReads) {
      const names = read.origin?.table ? [read.origin.table] : read.origin?.tables;
      if (!onLoaded(names)) continue;
      // read_sql_table (no SQL) reads every column; a query must show the table's columns, not a COUNT(*).
      if (read.origin?.sql && !carriesColumns(read.origin.sql, read.output?.cols)) continue;
      const head = facts.heads.find((h) => h.input?.obj !== undefined && h.input.obj === read.output?.obj);
      const small = (read.output?.rows ?? Infinity) <= ctx.options.maxRows;
      if (head || small || LIMITED.test(read.origin?.sql ?? '')) hits.push({ table: names!.find((t) => loaded.has(t.toLowerCase()))!, event: head ?? read, how: `${read.function}(${read.origin?.sql ?? read.origin?.table})${head ? '.head()' : ''}` });
    }
    for (const op of facts.mongo) if (op.operation === 'find_one' && !op.error && op.collection && loaded.has(op.collection.toLowerCase())) hits.push({ table: op.collection, event: op, how: 'find_one' });
    if (hits.length === 0) return { status: 'fail', message: 'none', params: { tables: tables.join(', ') || '∅' }, evidence: [{ kind: 'trace', subject: 'first rows', expected: 'SELECT … LIMIT n / head()', actual: null, data: { tables } }] };
    const byTable = new Map<string, (typeof hits)[number]>();
    for (const hit of hits) if (!byTable.has(hit.table.toLowerCase())) byTable.set(hit.table.toLowerCase(), hit);
    const reads = [...byTable.values()].map((h) => `${h.table} (${where(h.event)})`).join(', ');
    return { status: 'pass', message: 'pass', params: { reads }, evidence: [...byTable.values()].map((h) => traced(`first rows of ${h.table}`, h.event, { actual: h.how.slice(0, 200) })) };
  },
});
