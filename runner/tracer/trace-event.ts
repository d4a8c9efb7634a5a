import type { CodeLocation } from '../../checks/verdict.js';

/**
 * Fields every event written by the Python tracer carries. Event-specific fields sit beside them; the full
 * format is `runner/tracer/trace-event.schema.json`.
 */
export interface TraceEvent {
  /** Event type, e.g. `split`, `fit`, `metric`, `read`, `tracer_error`. */
  type: string;
  /** Order of emission within one process. */
  seq: number;
  /** Seconds since the epoch, as Python's time.time(). */
  ts: number;
  pid: number;
  /** The candidate's code that made the call (first frame outside libraries and the tracer). */
  site?: CodeLocation;
  /** Which step produced it (set by the runner when it indexes the trace). */
  step?: string;
  /**
   * Set on the event of the first call over its site's per-type budget (a line in a loop): later calls from the
   * same file/line/cell record no event of this type, so a count of these events is a lower bound.
   */
  truncated?: true;
  /** Set on facts the static reader read in the code (runner/static): never observed when run. */
  observed?: false;
  /** Static facts only: fields the code gives as something the reader cannot resolve, with the code as written. */
  unresolved?: Record<string, string>;
  [field: string]: unknown;
}
