import type { TraceEvent } from './trace-event.js';

/**
 * Typed views of the data-bloc events (pandas, database drivers, charts) the Python tracer writes; the
 * source of truth is `trace-event.schema.json`. Fields the tracer could not compute are absent.
 */

/** A pandas frame or series: size, first 100 column names, object token; nulls and dtypes on reads/to_sql. */
export interface FrameInfo {
  rows?: number | null;
  cols?: number | null;
  columns?: string[] | null;
  /** Same object, same token (within one process): ties a head() to the read_sql that made the frame. */
  obj?: string;
  nulls?: Record<string, number> | null;
  dtypes?: Record<string, string> | null;
  kind?: string;
}

/** Where a read came from: a file (`path` workspace-relative or `$datasets/…`) or a SQL query/table. */
export interface DataSourceRef {
  path?: string;
  name?: string;
  format?: 'csv' | 'xlsx' | 'xls' | 'json' | 'parquet' | 'yaml' | 'sql' | null;
  url?: boolean;
  buffer?: string;
  connection?: string;
  sql?: string;
  table?: string;
  tables?: string[];
}

export interface DataReadEvent extends TraceEvent {
  type: 'data_read';
  /** read_csv, read_excel…, or `csv.reader` / `csv.DictReader` (no `output`: their rows are not counted). */
  function: string;
  origin?: DataSourceRef;
  sheet?: string | null;
  output?: FrameInfo | null;
  /** csv module readers: the dialect options given (delimiter…). */
  options?: Record<string, unknown> | null;
  encoding?: string | null;
  duration?: number | null;
  error?: string;
}

export interface DataWriteEvent extends TraceEvent {
  type: 'data_write';
  function: 'to_sql' | 'to_csv' | 'to_excel' | 'to_json' | 'to_parquet';
  input?: FrameInfo | null;
  table?: string;
  connection?: string;
  if_exists?: string | null;
  index?: boolean;
  chunksize?: number | null;
  /** SQL types forced with to_sql(dtype=…), as text. */
  dtype?: Record<string, string> | null;
  method?: string | null;
  target?: DataSourceRef;
  returned?: number | null;
  duration?: number | null;
  error?: string;
}

export interface MissingInspectEvent extends TraceEvent {
  type: 'missing_inspect';
  function: string;
  input?: FrameInfo | null;
}

export type FillMatch = 'mean' | 'median' | 'mode' | 'zero';

export interface ImputeEvent extends TraceEvent {
  type: 'impute';
  /** fillna, replace, interpolate, ffill, bfill, loc (`.loc[mask, col] = v`), groupby.transform, groupby.apply. */
  function: string;
  /** Group-wise fill: the group keys; `matches` names the statistic each filled cell equals within its group. */
  by?: string[];
  /** The fill value was a series or an array that is no group statistic the trace knows. */
  from_values?: boolean;
  column: string;
  on?: 'series' | 'frame';
  obj?: string;
  out?: string;
  rows?: number;
  nulls_before?: number;
  nulls_after?: number;
  inplace?: boolean;
  /** ffill, bfill… when no value was given. */
  method?: string;
  value?: unknown;
  kind?: 'numeric' | 'categorical' | 'datetime' | 'other';
  /** Statistics of the column (before the call) the fill value equals. */
  matches?: FillMatch[];
  stats?: { mean?: number; median?: number; mode?: unknown; modes?: unknown[]; mode_count?: number; min?: number; max?: number; distinct?: number; value_seen?: boolean };
  error?: string;
}

export interface RowsDroppedEvent extends TraceEvent {
  type: 'rows_dropped';
  function: 'dropna' | 'drop_duplicates' | 'filter' | 'query' | 'drop';
  input?: FrameInfo | null;
  rows_before: number;
  rows_after: number;
  removed?: number;
  options?: Record<string, unknown> | null;
  inplace?: boolean;
  out?: string | null;
}

export interface CombineEvent extends TraceEvent {
  type: 'combine';
  function: 'merge' | 'join' | 'concat' | 'groupby' | 'pivot_table';
  inputs?: FrameInfo[];
  keys?: Record<string, unknown> | null;
  output?: FrameInfo | null;
  error?: string;
}

/**
 * A frame reshaped on its way to a table: renamed (`rename`, `df.columns = …`, `set_axis`), columns selected
 * (`df[[…]]`, `drop(columns=…)`, `filter`) or copied with other types (`astype`, `copy`, `reset_index`…). The
 * output derives from the input (same token for in-place calls such as `df.columns = …`).
 */
export interface FrameDeriveEvent extends TraceEvent {
  type: 'frame_derive';
  function: string;
  input?: FrameInfo | null;
  output?: FrameInfo | null;
  /** `{old: new}` for each column the call renamed. */
  renamed?: Record<string, string> | null;
}

export interface StatsEvent extends TraceEvent {
  type: 'stats';
  function: string;
  on?: 'series' | 'frame';
  input?: FrameInfo | null;
  options?: Record<string, unknown> | null;
  out?: string;
  shape?: number[];
  /** describe(): the statistics it computed (count, mean, 25%…). */
  rows?: string[];
  modalities?: number;
}

export interface HeadEvent extends TraceEvent {
  type: 'head';
  function?: string;
  n?: unknown;
  input?: FrameInfo | null;
}

export interface SqlEvent extends TraceEvent {
  type: 'sql';
  driver: string;
  /** psycopg2 copy_from: the method the (reconstructed) COPY statement stands for. */
  function?: string;
  statement?: string | null;
  verb?: string | null;
  tables?: string[];
  params_rows?: number | null;
  rowcount?: number | null;
  columns?: string[] | null;
  duration?: number | null;
  error?: string;
}

export interface SqlFetchEvent extends TraceEvent {
  type: 'sql_fetch';
  driver?: string;
  rows: number;
  columns?: string[] | null;
}

export interface MongoEvent extends TraceEvent {
  type: 'mongo';
  operation: string;
  collection?: string | null;
  database?: string | null;
  documents?: number | null;
  inserted?: number | null;
  count?: number | null;
  filter?: unknown;
  /** find/find_one: the fields asked for (a selection of variables even without a filter). */
  projection?: unknown;
  spec?: unknown;
  duration?: number | null;
  error?: string;
}

/** A results-like file (*.json, *.csv, *.yaml, *.yml) the candidate's code wrote: ties the file to its process and step. */
export interface FileWriteEvent extends TraceEvent {
  type: 'file_write';
  /** open, json.dump, yaml.dump, yaml.safe_dump, Path.write_text. */
  function: string;
  target: DataSourceRef;
  mode?: string | null;
}

/** Text shortened with pandas' string accessor: `s.str[:n]`, `s.str.slice(0, n)`. */
export interface TextSliceEvent extends TraceEvent {
  type: 'text_slice';
  function: 'str[]' | 'str.slice';
  column?: string | null;
  start?: number | null;
  stop: number;
  /** The slice's step (named so: `step` is the runner's step id on every event). */
  stride?: number | null;
  rows?: number | null;
  /** Longest value before the slice, in characters. */
  longest?: number | null;
  /** Values longer than `stop` (when the slice starts at 0): values the slice cut. */
  cut?: number | null;
  out?: string;
}

export type ChartKind = 'scatter' | 'distribution' | 'heatmap' | 'bar' | 'pie' | 'line' | 'other';

export interface PlotEvent extends TraceEvent {
  type: 'plot';
  library: string;
  function: string;
  kind: ChartKind;
  x?: string | null;
  y?: string | null;
  axes?: string[] | null;
  figure?: string | null;
  /** Heatmaps: the data was a correlation matrix (a .corr() result or shaped like one). */
  correlation?: boolean;
  data?: { kind?: string; columns?: string[] | null };
  title?: unknown;
  labels?: unknown;
}

export interface FigureAxes {
  axes: string;
  title?: string | null;
  xlabel?: string | null;
  ylabel?: string | null;
  has_data?: boolean;
}

export interface FigureEvent extends TraceEvent {
  type: 'figure';
  figure: string;
  library?: string;
  suptitle?: string | null;
  trigger: string;
  file?: string | null;
  traces?: Array<string | null>;
  axes: FigureAxes[];
}
