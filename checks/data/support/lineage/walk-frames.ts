import type { DataReadEvent, DataWriteEvent } from '../../../../runner/tracer/data-event-types.js';
import type { TraceEvent } from '../../../../runner/tracer/trace-event.js';
import { before } from '../data-facts.js';
import { frameKey, type FrameGraph, type FrameStep } from './frame-graph.js';

/** One way back from a written frame: the file it starts from (or the frame where the trace loses it), and the steps. */
export interface FramePath {
  /** The read the path starts from; absent when the trace loses the frame (`frontier`). */
  read?: DataReadEvent;
  /** A frame made by a call the tracer does not see (`df.loc[…]`, `pd.DataFrame(rows)`): its columns are all there is. */
  frontier?: string;
  /** Calls from the read to the write, in execution order (the write not included). */
  steps: FrameStep[];
  role: 'rows' | 'lookup';
}

/** Pipelines of several scripts hand frames over through files: a read of a file the run wrote continues from that write. */
export type FileWrites = (read: DataReadEvent) => { event: DataWriteEvent; key: string } | undefined;

const MAX_DEPTH = 200;

/**
 * Every path from a written frame back to the files it came from, through the frame graph. Only frames on these
 * paths count: a subset looked at (`recent = df[mask]`, `df.head()`) is no step of any path.
 */
export function walkBack(graph: FrameGraph, key: string, until: TraceEvent, fileWrites: FileWrites): FramePath[] {
  return walk(graph, key, until, 'rows', fileWrites, new Set(), 0);
}

function walk(graph: FrameGraph, key: string, until: TraceEvent, role: 'rows' | 'lookup', fileWrites: FileWrites, visiting: Set<string>, depth: number): FramePath[] {
  if (visiting.has(key) || depth > MAX_DEPTH) return [];
  const changes = graph.changes(key).filter((step) => before(step.event, until));
  const origin = graph.origin(key);
  if (!origin || !before(origin.event, until) || (origin.kind !== 'read' && origin.inputs.length === 0)) return [{ frontier: key, steps: changes, role }];
  const inner = new Set(visiting).add(key);
  if (origin.kind === 'read') {
    const read = origin.event as DataReadEvent;
    const written = fileWrites(read);
    if (written && before(written.event, read)) {
      const writeStep: FrameStep = { event: written.event, kind: 'derive', function: written.event.function, inputs: [{ key: written.key, role: 'rows' }] };
      return walk(graph, written.key, written.event, role, fileWrites, inner, depth + 1).map((path) => ({ ...path, steps: [...path.steps, writeStep, origin, ...changes] }));
    }
    return [{ read, steps: [origin, ...changes], role }];
  }
  return origin.inputs.flatMap((input) =>
    walk(graph, input.key, origin.event, role === 'lookup' ? 'lookup' : input.role, fileWrites, inner, depth + 1).map((path) => ({ ...path, steps: [...path.steps, origin, ...changes] })),
  );
}

/** Reads of a file an earlier write of the run made (to_csv → read_csv), matched by path. */
export function fileWritesOf(writes: readonly DataWriteEvent[]): FileWrites {
  const byPath = new Map<string, Array<{ event: DataWriteEvent; key: string }>>();
  for (const event of writes) {
    const key = frameKey(event, event.input);
    const path = event.target?.path;
    if (!key || !path || event.function === 'to_sql') continue;
    byPath.set(path, [...(byPath.get(path) ?? []), { event, key }]);
  }
  return (read) => {
    const candidates = read.origin?.path ? (byPath.get(read.origin.path) ?? []) : [];
    return candidates.filter((w) => before(w.event, read)).at(-1);
  };
}
