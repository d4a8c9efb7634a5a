import pl from 'nodejs-polars';
import { parse as parseYaml } from 'yaml';
import type { DataWriteEvent, FileWriteEvent } from '../../../runner/tracer/data-event-types.js';
import type { TraceEvent } from '../../../runner/tracer/trace-event.js';
import type { TraceIndex } from '../../../runner/tracer/trace-index.js';
import type { WorkspaceFiles } from '../../../runner/evidence/workspace-files.js';

/** A file that may hold the run's metrics, and the traced write that made it (when the trace saw one). */
export interface MetricsFile {
  path: string;
  /** The last traced write of this file: its pid and step say which script wrote it. */
  writer?: FileWriteEvent | DataWriteEvent;
}

const RESULTS = /\.(json|csv|ya?ml)$/i;
/** Untraced files worth reading in a folder a step wrote to. */
const METRICS_NAME = /metri|score|result|perf|eval|bench/i;

/**
 * The metrics files of a run: the declared one (option or mspr.yaml `outputs.metrics`) alone when there is one;
 * otherwise every *.json / *.csv / *.yaml the code was traced writing, the metrics-like names (`scores.csv`,
 * `results/metrics.yaml`) in the folders the code wrote to, and `metrics.json` at the root.
 */
export function metricsFiles(declared: string | undefined, workspace: WorkspaceFiles, trace: TraceIndex): MetricsFile[] {
  const writes = new Map<string, FileWriteEvent | DataWriteEvent>();
  const folders = new Set<string>(['']);
  // A frame of more than a thousand rows written to CSV is data (a cleaned table, predictions), not metrics.
  const written = [...trace.ofType<FileWriteEvent>('file_write'), ...trace.ofType<DataWriteEvent>('data_write').filter((w) => !w.error && w.target && (w.input?.rows ?? 0) <= 1000)];
  for (const event of written) {
    const path = event.target?.path;
    if (!path || path.startsWith('$') || path.startsWith('/') || event.target?.url) continue;
    folders.add(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
    if (RESULTS.test(path)) writes.set(path, event);
  }
  const found = (path: string): MetricsFile => ({ path, writer: writes.get(path) });
  if (declared) return [found(declared)];
  const read = new Set(trace.ofType<TraceEvent & { origin?: { path?: string } }>('data_read').map((r) => r.origin?.path));
  const paths = new Set<string>([...writes.keys()].filter((p) => !read.has(p) && workspace.exists(p)));
  for (const file of workspace.list()) {
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    if (folders.has(folder) && RESULTS.test(file) && METRICS_NAME.test(file.slice(folder.length)) && !read.has(file)) paths.add(file);
  }
  if (workspace.exists('metrics.json')) paths.add('metrics.json');
  return [...paths].sort().map(found);
}

/** The file's content as a value to walk (JSON, YAML, or a CSV as a list of records); an error message otherwise. */
export function parseMetricsFile(path: string, text: string): { value: unknown } | { error: string } {
  try {
    if (/\.json$/i.test(path)) return { value: JSON.parse(text) };
    if (/\.ya?ml$/i.test(path)) return { value: parseYaml(text, { maxAliasCount: 100 }) };
    return { value: csvRecords(text) };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0]!.slice(0, 200) };
  }
}

/**
 * A CSV as records, `;` or `,` separated (the first line decides), decimal commas read as numbers. A long table
 * (`metric,value` or `métrique;valeur`, with an optional model column) becomes `{model: {metric: value}}`.
 */
function csvRecords(text: string): unknown {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : header.includes('\t') && !header.includes(',') ? '\t' : ',';
  const records = pl.readCSV(text.endsWith('\n') ? text : `${text}\n`, { sep, inferSchemaLength: 0 }).toRecords() as Array<Record<string, unknown>>;
  const rows = records.map((record) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k.trim(), number(v)])));
  const columns = Object.keys(rows[0] ?? {});
  const metricColumn = columns.find((c) => /^(metric|m[ée]trique|indicateur|measure)s?$/i.test(c));
  const valueColumn = columns.find((c) => /^(value|valeur|score)s?$/i.test(c));
  if (!metricColumn || !valueColumn) return rows;
  const modelColumn = columns.find((c) => /^(model|mod[eè]le|algorithm|algorithme|estimator|name|nom)$/i.test(c));
  const long: Record<string, Record<string, unknown>> = {};
  for (const row of rows) {
    const group = modelColumn ? String(row[modelColumn] ?? '') : '';
    const others = columns.filter((c) => c !== metricColumn && c !== valueColumn && c !== modelColumn).map((c) => String(row[c] ?? '')).filter(Boolean);
    const key = [...others, String(row[metricColumn] ?? '')].join('_');
    (long[group] ??= {})[key] = row[valueColumn];
  }
  return modelColumn ? long : long[''];
}

function number(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (/^[-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?%?$/.test(text)) return Number(text.replace(',', '.').replace('%', ''));
  return value;
}
