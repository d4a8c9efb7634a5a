import type { TraceEvent } from '../../runner/tracer/trace-event.js';
import { joinLocalized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { MongoEvent } from '../../runner/tracer/data-event-types.js';
import type { Evidence } from '../verdict.js';
import { dataFacts, fetchAfter } from '../data/support/data-facts.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';
import { databaseOrOutcome, NO_DATABASE } from './support/open-database.js';

interface Options {
  service?: string;
}

/** The query kept as evidence: what it selected, as the trace shows it (never sizes it did not record). */
interface Selection {
  event: TraceEvent;
  text: string;
  actual: string;
  data: Record<string, unknown>;
}

/** A query that chooses its scope: a column list, a filter, a grouping — not a bare `SELECT * FROM t`. */
const SCOPED = /\bwhere\b|\bgroup\s+by\b|\bhaving\b|^\s*(?:with\b[\s\S]*?\)\s*)?select\s+(?!\*\s+from)(?!distinct\s+\*)/i;

/** Pipeline stages that choose documents or fields. */
const SELECTING_STAGES = new Set(['$match', '$project']);

export default defineCheck({
  meta: {
    id: 'db/selection-and-index',
    title: { fr: 'Sélection de lignes et de colonnes, index créé', en: 'Rows and columns selected, index created' },
    criteria: ['cdp-data-ia:C2.1', 'dev-ia-ds:A1.1 C7'],
    evidence: ['trace', 'db'],
    options: { type: 'object', additionalProperties: false, properties: { service: { type: 'string' } } },
    messages: {
      ...NO_TRACE,
      ...NO_DATABASE,
      pass: { fr: 'Sélection : {selection}. Index : {indexes}.', en: 'Selection: {selection}. Index: {indexes}.' },
      fail: {
        fr: 'Manque : {missing}. Attendu : une requête qui sélectionne plusieurs observations et plusieurs variables (colonnes nommées ou filtre WHERE ; MongoDB : un filtre find, une étape $match ou $project), et au moins un index créé sur une table chargée (C2.1). Sélection : {selection} ; index : {indexes}.',
        en: 'Missing: {missing}. Expected: a query selecting several observations and several variables (named columns or a WHERE filter; MongoDB: a find filter, a $match or $project stage), and at least one index created on a loaded table (C2.1). Selection: {selection}; index: {indexes}.',
      },
    },
  },
  async run(ctx: CheckContext<Options>) {
    const got = factsOrSkip(ctx, dataFacts);
    if ('skip' in got) return got.skip;
    const { facts } = got;
    const queries: Array<{ event: TraceEvent; rows: number; columns: number; sql: string }> = [];
    for (const event of facts.sql) {
      if (event.error || event.verb !== 'SELECT' || !SCOPED.test(event.statement ?? '')) continue;
      const fetch = fetchAfter(event, facts.fetches);
      queries.push({ event, rows: fetch?.rows ?? event.rowcount ?? 0, columns: event.columns?.length ?? 0, sql: event.statement ?? '' });
    }
    for (const read of facts.sqlReads) {
      if (read.origin?.sql && SCOPED.test(read.origin.sql)) queries.push({ event: read, rows: read.output?.rows ?? 0, columns: read.output?.cols ?? 0, sql: read.origin.sql });
    }
    const lookups = facts.mongo.filter((op) => !op.error && (op.operation === 'find' || op.operation === 'aggregate'));
    const query = queries.find((q) => q.rows >= 2 && q.columns >= 2);
    const selection: Selection | undefined = query
      ? { event: query.event, text: `${query.rows} × ${query.columns}`, actual: `${query.rows} rows × ${query.columns} columns`, data: { sql: query.sql.slice(0, 200) } }
      : lookups.map(mongoSelection).find((s) => s !== undefined);

    const opened = await databaseOrOutcome(ctx, ctx.options.service);
    if ('outcome' in opened) return opened.outcome;
    const db = opened.db;
    const created: string[] = [];
    for (const table of await db.listTables()) {
      for (const index of await db.indexes(table)) if (!index.primary && !/^sqlite_autoindex/.test(index.name) && index.name !== '_id_') created.push(`${index.name} ON ${table}(${index.columns.join(', ')})`);
    }
    const evidence: Evidence[] = [
      selection
        ? traced('selection', selection.event, { actual: selection.actual, data: selection.data })
        : { kind: 'trace', subject: 'selection', expected: '>= 2 rows × >= 2 columns (MongoDB: a filter, a $match or $project stage)', actual: null, data: { queries: queries.length + lookups.length } },
      { kind: 'db', subject: 'indexes', expected: '>= 1', actual: created.length, data: { indexes: created.slice(0, 20), database: db.label } },
    ];
    const params = {
      selection: selection ? `${selection.text} (${where(selection.event)})` : '—',
      indexes: created.slice(0, 5).join(', ') || '—',
    };
    const missing = joinLocalized([...(selection ? [] : [t('sélection', 'selection')]), ...(created.length ? [] : ['index'])]);
    if (!selection || created.length === 0) return { status: 'fail', score: (selection ? 0.5 : 0) + (created.length ? 0.5 : 0), message: 'fail', params: { ...params, missing }, evidence };
    return { status: 'pass', message: 'pass', params, evidence };
  },
});

/**
 * What a pymongo find/aggregate selects: a non-empty filter, or a pipeline with a `$match` or `$project` stage that
 * has a body, or a find with a non-empty projection; undefined for a bare `find()` or a pipeline that only groups or
 * sorts. The tracer records a find's filter and projection, not how many documents came back; a stage's body past
 * its depth limit reads as `{class: 'dict'}`, which counts as a body.
 */
function mongoSelection(op: MongoEvent): Selection | undefined {
  // pymongo's own notation (`ventes.find({…})`) names the collection and reads the same in both languages.
  const collection = op.collection ?? '?';
  if (op.operation === 'find') {
    const projected = hasContent(op.projection);
    if (!hasContent(op.filter) && !projected) return undefined;
    const actual = `find ${JSON.stringify(op.filter ?? {})}${projected ? ` ${JSON.stringify(op.projection)}` : ''}`;
    const data = { collection: op.collection ?? null, filter: op.filter, ...(projected ? { projection: op.projection } : {}) };
    return { event: op, text: `${collection}.find(${JSON.stringify(op.filter ?? {})}${projected ? `, ${JSON.stringify(op.projection)}` : ''})`, actual, data };
  }
  const stages = (Array.isArray(op.spec) ? op.spec : []).filter((stage): stage is Record<string, unknown> => typeof stage === 'object' && stage !== null && !Array.isArray(stage));
  if (!stages.some((stage) => Object.entries(stage).some(([name, body]) => SELECTING_STAGES.has(name) && hasContent(body)))) return undefined;
  const actual = `aggregate [${stages.flatMap((stage) => Object.keys(stage)).join(', ')}]`;
  return { event: op, text: `${collection}.aggregate([${stages.flatMap((stage) => Object.keys(stage)).join(', ')}])`, actual, data: { collection: op.collection ?? null, pipeline: op.spec } };
}

function hasContent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'object' || Object.keys(value).length > 0;
}
