import type { CodeLocation } from '../../verdict.js';
import type { TraceEvent } from '../../../runner/tracer/trace-event.js';

/** The candidate's code location of an event, as verdict evidence wants it. */
export function locationOf(event: TraceEvent): CodeLocation | undefined {
  const site = event.site;
  if (!site || typeof site.file !== 'string') return undefined;
  const location: CodeLocation = { file: site.file };
  if (typeof site.line === 'number') location.line = site.line;
  if (typeof site.cell === 'number') location.cell = site.cell;
  return location;
}

/** `train.py:42`, or `analyse.ipynb cell 3 line 2` — for message parameters. */
export function where(event: TraceEvent | undefined): string {
  const location = event ? locationOf(event) : undefined;
  if (!location) return '?';
  if (location.cell !== undefined) return `${location.file} cell ${location.cell}${location.line ? ` line ${location.line}` : ''}`;
  return location.line !== undefined ? `${location.file}:${location.line}` : location.file;
}

/** Rounds a ratio or score for display (4 significant decimals is what juries read). */
export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
