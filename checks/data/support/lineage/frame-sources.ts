import { basename } from 'node:path';
import type { FrameInfo } from '../../../../runner/tracer/data-event-types.js';
import type { TraceEvent } from '../../../../runner/tracer/trace-event.js';
import type { TraceIndex } from '../../../../runner/tracer/trace-index.js';
import { dataFacts } from '../data-facts.js';
import { sourceColumns, sourceOfFrame } from '../frame-lineage.js';
import { normalizeColumn } from './column-names.js';
import { namesOf, renamesSeen } from './columns-along.js';
import { frameGraph, frameKey } from './frame-graph.js';
import { fileWritesOf, walkBack } from './walk-frames.js';

/**
 * The source files (by file name) a frame seen by an event derives from: followed back frame by frame when the
 * trace can, else by its columns — the source sharing most of its columns once renames and spelling are set
 * aside (`isna()` on a renamed frame still measures the export it came from).
 */
export function frameSources(trace: TraceIndex, event: TraceEvent, frame: FrameInfo | null | undefined): string[] {
  const followed = followedSources(trace, event, frame);
  if (followed.length > 0) return followed;
  const direct = sourceOfFrame(frame, sourceColumns(dataFacts(trace).fileReads));
  if (direct) return [direct];
  return byRenamedColumns(trace, frame);
}

/** The source files a frame derives from, followed frame by frame only (none when the trace loses it). */
export function followedSources(trace: TraceIndex, event: TraceEvent, frame: FrameInfo | null | undefined): string[] {
  const key = frameKey(event, frame);
  if (!key) return [];
  const paths = walkBack(frameGraph(trace), key, event, fileWritesOf(dataFacts(trace).writes));
  return [...new Set(paths.flatMap((p) => (p.read?.origin?.name ? [p.read.origin.name] : [])))];
}

/** The source sharing at least half its columns with the frame, through every rename the trace saw. */
export function byRenamedColumns(trace: TraceIndex, frame: FrameInfo | null | undefined): string[] {
  const present = new Set((frame?.columns ?? []).map(normalizeColumn));
  if (present.size === 0) return [];
  const renames = renamesSeen(trace.ofType('frame_derive') as Array<{ renamed?: Record<string, string> | null }>);
  let best: { name: string; score: number } | undefined;
  for (const read of dataFacts(trace).fileReads) {
    const own = read.output?.columns ?? [];
    const shared = own.filter((c) => namesOf(c, renames).some((n) => present.has(normalizeColumn(n)))).length;
    const score = shared / Math.max(own.length, 1);
    if (score >= 0.5 && (!best || score > best.score)) best = { name: read.origin?.name ?? basename(read.origin?.path ?? '?'), score };
  }
  return best ? [best.name] : [];
}
