import type { WorkspaceFiles } from '../../runner/evidence/workspace-files.js';
import type { DataReadEvent, SqlEvent } from '../../runner/tracer/data-event-types.js';
import type { TraceEvent } from '../../runner/tracer/trace-event.js';
import { defineCheck } from '../check.js';
import { before, dataFacts } from '../data/support/data-facts.js';
import { lineReader } from '../data/support/source-lines.js';
import { factsOrSkip, locationOf, NO_TRACE, traced, where } from '../support/trace-support.js';

interface Query {
  event: TraceEvent;
  sql: string;
  tables: string[];
  duration: number | null;
  /** The text with spaces, case and table names set aside, computed once per query (see `shape`). */
  shape: string;
}

interface Optimisation {
  event: TraceEvent;
  tables: string[];
  label: string;
}

/** A query run before and again after an optimisation; `timed` when the code times both runs. */
interface Pair {
  optimisation: Optimisation;
  first: Query;
  second: Query;
  timed: boolean;
}

const TIMING = /perf_counter|time\.time\s*\(|time\(\)|monotonic|timeit|%%?time\b|process_time/;

export default defineCheck({
  meta: {
    id: 'db/optimisation-measured',
    title: { fr: 'Optimisation mesurée (même requête avant/après)', en: 'Optimisation measured (same query before/after)' },
    criteria: ['cdp-data-ia:C1.10'],
    evidence: ['trace', 'static'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: 'Même requête chronométrée avant et après {optimisation} : {before} puis {after} (mesures du traceur), temps relevés par le code ({timing}).',
        en: 'Same query timed before and after {optimisation}: {before} then {after} (tracer’s measures), timings taken by the code ({timing}).',
      },
      untimed: {
        fr: "La requête est relancée après {optimisation} ({before} puis {after} selon le traceur) mais le code ne mesure pas son temps (aucun time.perf_counter / timeit autour). Attendu : comparer les temps d'exécution mesurés sur la base non optimisée et optimisée (C1.10).",
        en: 'The query is run again after {optimisation} ({before} then {after} per the tracer) but the code does not time it (no time.perf_counter / timeit around it). Expected: compare execution times measured on the non-optimised and the optimised database (C1.10).',
      },
      notRerun: {
        fr: "Optimisation faite ({optimisation}) mais aucune requête n'est exécutée à la fois avant et après. Attendu : chronométrer la même requête sur la table non optimisée puis optimisée et comparer les temps (C1.10).",
        en: 'Optimisation done ({optimisation}) but no query runs both before and after it. Expected: time the same query on the non-optimised then the optimised table and compare the timings (C1.10).',
      },
      noOptimisation: {
        fr: "Aucune optimisation tracée (CREATE INDEX, ALTER TABLE, table aux types ajustés) ; {queries} {queries|requête|requêtes} SELECT. Attendu : mesurer le temps d'une requête avant et après l'optimisation (C1.10).",
        en: 'No optimisation traced (CREATE INDEX, ALTER TABLE, a table with fitted types); {queries} SELECT {queries|query|queries}. Expected: time a query before and after the optimisation (C1.10).',
      },
    },
  },
  run(ctx) {
    const got = factsOrSkip(ctx, dataFacts);
    if ('skip' in got) return got.skip;
    const { facts } = got;
    // Statements and read_sql queries in one list, in the trace index's execution order (no sorting again).
    const selects = new Set<TraceEvent>([...facts.sql.filter((e) => e.verb === 'SELECT' && !e.error), ...facts.sqlReads.filter((e) => e.origin?.sql)]);
    const queries: Query[] = ctx.trace
      .all()
      .filter((e) => selects.has(e))
      .map((e) => (e.type === 'sql' ? sqlQuery(e as SqlEvent) : readQuery(e as DataReadEvent)));
    const optimisations: Optimisation[] = [
      ...facts.sql.filter((e) => !e.error && (e.verb === 'CREATE INDEX' || e.verb === 'ALTER' || e.verb === 'CREATE TABLE')).map((e) => ({ event: e as TraceEvent, tables: e.tables ?? [], label: `${e.verb} ${where(e)}` })),
      ...facts.mongo.filter((e) => !e.error && e.operation.startsWith('create_index')).map((e) => ({ event: e as TraceEvent, tables: e.collection ? [e.collection] : [], label: `create_index ${where(e)}` })),
    ];
    const best = firstPair(queries, optimisations, timedByCode(ctx.workspace));
    if (best) {
      const { optimisation, first, second, timed } = best;
      const params = { optimisation: optimisation.label, before: `${seconds(first.duration)} (${where(first.event)})`, after: `${seconds(second.duration)} (${where(second.event)})` };
      const evidence = [
        traced('query before', first.event, { actual: first.duration, data: { sql: first.sql.slice(0, 200) } }),
        traced('optimisation', optimisation.event, { actual: optimisation.label }),
        traced('query after', second.event, { actual: second.duration, data: { sql: second.sql.slice(0, 200), timedByCode: timed } }),
      ];
      if (timed) return { status: 'pass', message: 'pass', params: { ...params, timing: 'time/timeit' }, evidence };
      return { status: 'warn', message: 'untimed', params, evidence };
    }
    if (optimisations.length > 0) return { status: 'fail', message: 'notRerun', params: { optimisation: optimisations.map((o) => o.label).join(', ') }, evidence: optimisations.map((o) => traced('optimisation', o.event, { actual: o.label })) };
    return { status: 'fail', message: 'noOptimisation', params: { queries: queries.length }, evidence: [{ kind: 'trace', subject: 'optimisation', expected: 'CREATE INDEX / ALTER TABLE between two runs of a query', actual: null }] };
  },
});

function sqlQuery(e: SqlEvent): Query {
  return query(e, e.statement ?? '', e.tables ?? [], e.duration ?? null);
}

function readQuery(e: DataReadEvent): Query {
  return query(e, e.origin!.sql!, e.origin!.tables ?? [], e.duration ?? null);
}

function query(event: TraceEvent, sql: string, tables: string[], duration: number | null): Query {
  return { event, sql, tables, duration, shape: shape(sql, tables) };
}

/**
 * The first query run again after an optimisation of a table it reads, preferring one the code times on both
 * runs: the search stops at the first timed pair, else the first pair found is kept.
 */
function firstPair(queries: Query[], optimisations: Optimisation[], timed: (query: Query) => boolean): Pair | undefined {
  let untimed: Pair | undefined;
  for (const optimisation of optimisations) {
    const touched = new Set(optimisation.tables.map((t) => t.toLowerCase()));
    const earlier = queries.filter((q) => before(q.event, optimisation.event));
    for (const second of queries.filter((q) => before(optimisation.event, q.event))) {
      const first = earlier.find((q) => q.shape === second.shape && q.tables.concat(second.tables).some((t) => touched.has(t.toLowerCase())));
      if (!first) continue;
      if (timed(first) && timed(second)) return { optimisation, first, second, timed: true };
      untimed ??= { optimisation, first, second, timed: false };
    }
  }
  return untimed;
}

/** Whether the code around a query's call site times it; each file is read once, each query looked at once. */
function timedByCode(workspace: WorkspaceFiles): (query: Query) => boolean {
  const around = lineReader(workspace);
  const seen = new Map<Query, boolean>();
  return (query) => {
    let timed = seen.get(query);
    if (timed === undefined) {
      timed = around(locationOf(query.event)).some((line) => TIMING.test(line));
      seen.set(query, timed);
    }
    return timed;
  };
}

/** Same text once spaces, case and table names are set aside (the same query on a raw and an optimised table). */
function shape(sql: string, tables: string[]): string {
  let text = sql.toLowerCase().replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();
  for (const table of tables) text = text.replace(new RegExp(`\\b${table.toLowerCase().replace(/[^a-z0-9_]/g, '')}\\b`, 'g'), '?');
  return text;
}

function seconds(duration: number | null): string {
  return duration === null ? '?' : `${Math.round(duration * 1e6) / 1e3} ms`;
}
