import { basename } from 'node:path';
import { readOptionsOfCall } from '../../../runner/evidence/reading/pandas-read-options.js';
import type { ReadOptions } from '../../../runner/evidence/reading/read-options.js';
import type { DataReadEvent } from '../../../runner/tracer/data-event-types.js';
import type { TraceIndex } from '../../../runner/tracer/trace-index.js';
import { dataFacts } from './data-facts.js';

/**
 * How the team's code read a source file, from its traced reader call (the first that produced a frame, else
 * the first): the grader then reads the same bytes the same way. Undefined when no traced call read it.
 */
export function tracedReadOptions(path: string, trace: TraceIndex | undefined): ReadOptions | undefined {
  if (!trace?.available) return undefined;
  const wanted = path.replace(/^\$datasets\//, '');
  const name = basename(wanted).toLowerCase();
  const reads = dataFacts(trace).fileReads.filter((read) => samePath(read, wanted) || (read.origin?.name ?? '').toLowerCase() === name);
  const exact = reads.filter((read) => samePath(read, wanted));
  const chosen = [...exact, ...reads].find((read) => read.output?.rows !== undefined) ?? exact[0] ?? reads[0];
  return chosen ? readOptionsOfCall(chosen) : undefined;
}

function samePath(read: DataReadEvent, path: string): boolean {
  const traced = (read.origin?.path ?? '').replace(/^\$datasets\//, '');
  return traced === path;
}
