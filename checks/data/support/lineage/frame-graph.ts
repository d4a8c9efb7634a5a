import type { CombineEvent, DataReadEvent, DataWriteEvent, FrameDeriveEvent, FrameInfo, ImputeEvent, RowsDroppedEvent } from '../../../../runner/tracer/data-event-types.js';
import type { TraceEvent } from '../../../../runner/tracer/trace-event.js';
import type { TraceIndex } from '../../../../runner/tracer/trace-index.js';

/** How a frame came to be, or changed in place, as one traced call. */
export interface FrameStep {
  event: TraceEvent;
  kind: 'read' | 'derive' | 'drop' | 'combine' | 'impute';
  /** `rename`, `merge`, `dropna`, `read_csv`… */
  function: string;
  /** The frames it came from (none for a read), each with its part: `rows` (left side, concatenated) or `lookup` (merged in). */
  inputs: Array<{ key: string; role: 'rows' | 'lookup' }>;
  renamed?: Record<string, string>;
  /** A groupby / pivot_table: the frame's rows are groups, not the source's rows. */
  aggregated?: boolean;
}

/**
 * Frames of one run and how each derives from others, from the events that carry frame tokens (`obj`): reads,
 * `frame_derive` (renames, selections, copies), row removals, frame-wide fills, merges and concats. A frame is
 * `pid:obj` (tokens are per process). `origin` is the call that made it; `changes` are calls that changed it in
 * place afterwards (`df.columns = …`, `dropna(inplace=True)`), in order.
 */
export interface FrameGraph {
  origin(key: string): FrameStep | undefined;
  changes(key: string): readonly FrameStep[];
  /** The columns a frame had when the trace first saw it. */
  columnsOf(key: string): readonly string[] | undefined;
}

/** `pid:obj`, the identity of a frame in a run; undefined when the event did not give its token. */
export function frameKey(event: TraceEvent, frame: FrameInfo | null | undefined): string | undefined {
  return frame?.obj ? `${event.pid}:${frame.obj}` : undefined;
}

const TYPES = new Set(['data_read', 'frame_derive', 'rows_dropped', 'impute', 'combine', 'data_write']);
const cache = new WeakMap<TraceIndex, FrameGraph>();

export function frameGraph(trace: TraceIndex): FrameGraph {
  let graph = cache.get(trace);
  if (!graph) {
    graph = buildGraph(trace.all().filter((e) => TYPES.has(e.type) && !e.error));
    cache.set(trace, graph);
  }
  return graph;
}

function buildGraph(events: readonly TraceEvent[]): FrameGraph {
  const origins = new Map<string, FrameStep>();
  const changes = new Map<string, FrameStep[]>();
  const columns = new Map<string, string[]>();
  const seen = (key: string | undefined, frame: FrameInfo | null | undefined) => {
    if (key && frame?.columns && !columns.has(key)) columns.set(key, frame.columns);
  };
  const record = (output: string | undefined, step: FrameStep) => {
    if (!output) return;
    if (step.inputs.some((input) => input.key === output)) {
      changes.set(output, [...(changes.get(output) ?? []), { ...step, inputs: step.inputs.filter((i) => i.key !== output) }]);
    } else if (!origins.has(output)) origins.set(output, step);
  };
  for (const event of events) {
    for (const { key, frame } of framesOf(event)) seen(key, frame);
    const step = stepOf(event);
    if (step) record(step.output, step.step);
  }
  return { origin: (key) => origins.get(key), changes: (key) => changes.get(key) ?? [], columnsOf: (key) => columns.get(key) };
}

function framesOf(event: TraceEvent): Array<{ key: string | undefined; frame: FrameInfo | null | undefined }> {
  const frames = [event.input, event.output, ...((event.inputs as FrameInfo[] | undefined) ?? [])] as Array<FrameInfo | null | undefined>;
  return frames.filter((f) => f && typeof f === 'object').map((frame) => ({ key: frameKey(event, frame), frame }));
}

/** The frame an event produced (or changed in place) and how. */
function stepOf(event: TraceEvent): { output: string | undefined; step: FrameStep } | undefined {
  const input = (frame: FrameInfo | null | undefined, role: 'rows' | 'lookup' = 'rows') => {
    const key = frameKey(event, frame);
    return key ? [{ key, role }] : [];
  };
  const fn = String(event.function ?? event.type);
  switch (event.type) {
    case 'data_read': {
      const read = event as DataReadEvent;
      return { output: frameKey(event, read.output), step: { event, kind: 'read', function: fn, inputs: [] } };
    }
    case 'frame_derive': {
      const derive = event as FrameDeriveEvent;
      return { output: frameKey(event, derive.output), step: { event, kind: 'derive', function: fn, inputs: input(derive.input), ...(derive.renamed ? { renamed: derive.renamed } : {}) } };
    }
    case 'rows_dropped': {
      const drop = event as RowsDroppedEvent;
      const out = drop.inplace ? drop.input?.obj : (drop.out ?? undefined);
      return { output: out ? `${event.pid}:${out}` : undefined, step: { event, kind: 'drop', function: fn, inputs: input(drop.input) } };
    }
    case 'impute': {
      const fill = event as ImputeEvent;
      // A series filled and assigned back (`df[c] = df[c].fillna(…)`) leaves the frame as it was: only frame-wide fills derive frames.
      if (fill.on !== 'frame' || !fill.obj) return undefined;
      const out = fill.inplace ? fill.obj : fill.out;
      return { output: out ? `${event.pid}:${out}` : undefined, step: { event, kind: 'impute', function: fn, inputs: [{ key: `${event.pid}:${fill.obj}`, role: 'rows' }] } };
    }
    case 'combine':
      return combineStep(event as CombineEvent, fn);
    default:
      return undefined;
  }
}

/** merge/join: the left frame gives the rows (the right one for how="right"), the other is looked up; concat: every frame gives rows. */
function combineStep(event: CombineEvent, fn: string): { output: string | undefined; step: FrameStep } {
  const keys = event.keys ?? {};
  const aggregated = fn === 'groupby' || fn === 'pivot_table';
  const rowsAt = keys.how === 'right' ? 1 : 0;
  const alongside = fn === 'concat' && (keys.axis === 1 || keys.axis === 'columns');
  const inputs = (event.inputs ?? []).flatMap((frame, index) => {
    const key = frameKey(event, frame);
    if (!key) return [];
    const role: 'rows' | 'lookup' = fn === 'concat' ? (alongside && index > 0 ? 'lookup' : 'rows') : index === rowsAt ? 'rows' : 'lookup';
    return [{ key, role }];
  });
  return { output: frameKey(event, event.output), step: { event, kind: 'combine', function: fn, inputs, ...(aggregated ? { aggregated } : {}) } };
}

/** The to_sql / to_csv writes of a run, with the frame each wrote. */
export function writesOf(trace: TraceIndex): Array<{ event: DataWriteEvent; key: string | undefined }> {
  return trace.ofType<DataWriteEvent>('data_write').filter((w) => !w.error).map((event) => ({ event, key: frameKey(event, event.input) }));
}
