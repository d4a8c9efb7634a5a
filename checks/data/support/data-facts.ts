import type { TraceEvent } from '../../../runner/tracer/trace-event.js';
import type { TraceIndex } from '../../../runner/tracer/trace-index.js';
import type {
  CombineEvent,
  DataReadEvent,
  DataWriteEvent,
  FigureEvent,
  FileWriteEvent,
  HeadEvent,
  ImputeEvent,
  MissingInspectEvent,
  MongoEvent,
  PlotEvent,
  RowsDroppedEvent,
  SqlEvent,
  SqlFetchEvent,
  StatsEvent,
  TextSliceEvent,
} from '../../../runner/tracer/data-event-types.js';
import type { FitEvent } from '../../../runner/tracer/trace-event-types.js';
import { imputerUses, type ImputerUse } from './imputer-uses.js';

/** The data-bloc events of a run, by kind, each list in execution order (the trace index's); computed once per trace. */
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
  /** scikit-learn imputers fitted (SimpleImputer, KNNImputer, IterativeImputer), alone or inside pipelines and ColumnTransformers. */
  imputers: ImputerUse[];
  /** Text columns shortened with `str[:n]` / `str.slice`. */
  textSlices: TextSliceEvent[];
  /** Results-like files (*.json, *.csv, *.yaml) the code wrote. */
  fileWrites: FileWriteEvent[];
}

const cache = new WeakMap<TraceIndex, DataFacts>();

export function dataFacts(trace: TraceIndex): DataFacts {
  let facts = cache.get(trace);
  if (!facts) {
    const reads = trace.ofType<DataReadEvent>('data_read').filter((e) => !e.error);
    facts = {
      fileReads: reads.filter((e) => e.origin?.format !== 'sql'),
      sqlReads: reads.filter((e) => e.origin?.format === 'sql'),
      writes: trace.ofType<DataWriteEvent>('data_write'),
      inspections: trace.ofType<MissingInspectEvent>('missing_inspect'),
      imputes: trace.ofType<ImputeEvent>('impute'),
      drops: trace.ofType<RowsDroppedEvent>('rows_dropped'),
      combines: trace.ofType<CombineEvent>('combine').filter((e) => !e.error),
      stats: trace.ofType<StatsEvent>('stats'),
      heads: trace.ofType<HeadEvent>('head'),
      sql: trace.ofType<SqlEvent>('sql'),
      fetches: trace.ofType<SqlFetchEvent>('sql_fetch'),
      mongo: trace.ofType<MongoEvent>('mongo'),
      plots: trace.ofType<PlotEvent>('plot'),
      figures: trace.ofType<FigureEvent>('figure'),
      imputers: imputerUses(trace.ofType<FitEvent>('fit')),
      textSlices: trace.ofType<TextSliceEvent>('text_slice'),
      fileWrites: trace.ofType<FileWriteEvent>('file_write'),
    };
    cache.set(trace, facts);
  }
  return facts;
}

/** True when `a` ran before `b` (events of two processes in the same instant are not ordered: false both ways). */
export function before(a: TraceEvent, b: TraceEvent): boolean {
  return a.ts < b.ts || (a.ts === b.ts && a.pid === b.pid && a.seq < b.seq);
}

/** The fetch that read a statement's result: the very next event of the same process, with the same columns. */
export function fetchAfter(statement: SqlEvent, fetches: SqlFetchEvent[]): SqlFetchEvent | undefined {
  return fetches.find(
    (f) => f.pid === statement.pid && f.seq === statement.seq + 1 && (!statement.columns || !f.columns || f.columns.join() === statement.columns.join()),
  );
}
