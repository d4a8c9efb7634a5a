import type { DataReadEvent, FrameInfo } from '../../../runner/tracer/data-event-types.js';

/** A source as the trace knows it: its name and the columns its read produced. */
export interface SourceColumns {
  name: string;
  columns: string[];
}

/** The files the trace read, each with the columns its read produced. */
export function sourceColumns(reads: DataReadEvent[]): SourceColumns[] {
  return reads.map((r) => ({ name: r.origin?.name ?? '?', columns: r.output?.columns ?? [] }));
}

/**
 * Which source a frame derives from, by its columns: the source sharing the largest part of its columns
 * (at least half of the source's). Tokens break at every copy, column names survive cleaning.
 */
export function sourceOfFrame(frame: FrameInfo | null | undefined, sources: SourceColumns[]): string | undefined {
  const columns = new Set((frame?.columns ?? []).map((c) => c.toLowerCase()));
  if (columns.size === 0) return undefined;
  let best: { name: string; score: number } | undefined;
  for (const source of sources) {
    const shared = source.columns.filter((c) => columns.has(c.toLowerCase())).length;
    const score = shared / Math.max(source.columns.length, 1);
    if (score >= 0.5 && (!best || score > best.score)) best = { name: source.name, score };
  }
  return best?.name;
}
