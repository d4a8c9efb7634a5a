import type { TraceEvent } from '../../../runner/tracer/trace-event.js';
import type { TraceIndex } from '../../../runner/tracer/trace-index.js';
import type {
  CombineEvent,
  DataReadEvent,
  DataWriteEvent,
  FigureEvent,
  HeadEvent,
  ImputeEvent,
  MissingInspectEvent,
  MongoEvent,
  PlotEvent,
  RowsDroppedEvent,
  SqlEvent,
  SqlFetchEvent,
  StatsEvent,
} from '../../../runner/tracer/data-event-types.js';
import type { FitEvent } from '../../../runner/tracer/trace-event-types.js';

/** The data-bloc events of a run, by kind, each list in execution order; computed once per trace. */
export interface DataFacts {
  /** Reads of files (CSV, XLSX, JSON…). */
  fileReads: DataReadEvent[];
  /** read_sql / read_sql_query / read_sql_table. */
  sqlReads: DataReadEvent[];
  writes: DataWriteEvent[];
  inspections: MissingInspectEvent[];
  imputes: ImputeEvent[];
  drops: RowsDroppedEvent[];
  combines: CombineEvent[];
  stats: StatsEvent[];
  heads: HeadEvent[];
  sql: SqlEvent[];
  fetches: SqlFetchEvent[];
  mongo: MongoEvent[];
  plots: PlotEvent[];
  figures: FigureEvent[];
  /** scikit-learn imputers fitted (SimpleImputer, KNNImputer, IterativeImputer), from the ML hooks' fit events. */
  imputers: FitEvent[];
}

const cache = new WeakMap<TraceIndex, DataFacts>();
const IMPUTERS = /Imputer$/;

export function dataFacts(trace: TraceIndex): DataFacts {
  let facts = cache.get(trace);
  if (!facts) {
    const reads = ordered(trace.ofType<DataReadEvent>('data_read')).filter((e) => !e.error);
    facts = {
      fileReads: reads.filter((e) => e.origin?.format !== 'sql'),
      sqlReads: reads.filter((e) => e.origin?.format === 'sql'),
      writes: ordered(trace.ofType<DataWriteEvent>('data_write')),
      inspections: ordered(trace.ofType<MissingInspectEvent>('missing_inspect')),
      imputes: ordered(trace.ofType<ImputeEvent>('impute')),
      drops: ordered(trace.ofType<RowsDroppedEvent>('rows_dropped')),
      combines: ordered(trace.ofType<CombineEvent>('combine')).filter((e) => !e.error),
      stats: ordered(trace.ofType<StatsEvent>('stats')),
      heads: ordered(trace.ofType<HeadEvent>('head')),
      sql: ordered(trace.ofType<SqlEvent>('sql')),
      fetches: ordered(trace.ofType<SqlFetchEvent>('sql_fetch')),
      mongo: ordered(trace.ofType<MongoEvent>('mongo')),
      plots: ordered(trace.ofType<PlotEvent>('plot')),
      figures: ordered(trace.ofType<FigureEvent>('figure')),
      imputers: ordered(trace.ofType<FitEvent>('fit')).filter((e) => IMPUTERS.test(e.estimator) && !e.error),
    };
    cache.set(trace, facts);
  }
  return facts;
}

/** Execution order across processes and steps (the runner already sorts; tests may not). */
export function ordered<E extends TraceEvent>(events: E[]): E[] {
  return [...events].sort((a, b) => a.ts - b.ts || a.seq - b.seq);
}

/** True when `a` ran before `b`. */
export function before(a: TraceEvent, b: TraceEvent): boolean {
  return a.ts < b.ts || (a.ts === b.ts && a.pid === b.pid && a.seq < b.seq);
}

/** The fetch that read a statement's result: the very next event of the same process, with the same columns. */
export function fetchAfter(statement: SqlEvent, fetches: SqlFetchEvent[]): SqlFetchEvent | undefined {
  return fetches.find(
    (f) => f.pid === statement.pid && f.seq === statement.seq + 1 && (!statement.columns || !f.columns || f.columns.join() === statement.columns.join()),
  );
}
