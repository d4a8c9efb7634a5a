import type { TraceIndex } from '../../../runner/tracer/trace-index.js';
import type {
  CvEvent,
  FitEvent,
  MetricEvent,
  PredictEvent,
  SearchEvent,
  SplitEvent,
  TargetEvent,
} from '../../../runner/tracer/trace-event-types.js';

/** The ML events of a run, typed and in time order. Failed calls (with `error`) are kept apart. */
export interface TracedMl {
  splits: SplitEvent[];
  fits: FitEvent[];
  predicts: PredictEvent[];
  searches: SearchEvent[];
  cvs: CvEvent[];
  metrics: MetricEvent[];
  targets: TargetEvent[];
  /** Calls that raised inside the library (e.g. a fit on data with NaN). */
  failed: Array<FitEvent | PredictEvent | SearchEvent | CvEvent | MetricEvent | SplitEvent>;
}

const byTime = (a: { ts: number; pid: number; seq: number }, b: { ts: number; pid: number; seq: number }) =>
  a.ts - b.ts || a.pid - b.pid || a.seq - b.seq;

function ok<E extends { error?: string }>(events: E[], failed: TracedMl['failed']): E[] {
  const kept: E[] = [];
  for (const event of events) {
    if (event.error) failed.push(event as unknown as TracedMl['failed'][number]);
    else kept.push(event);
  }
  return kept;
}

/** Groups the trace's ML events; pure, so checks can call it freely (results are cached by the caller). */
export function tracedMl(trace: TraceIndex): TracedMl {
  const failed: TracedMl['failed'] = [];
  const sorted = <E extends { ts: number; pid: number; seq: number }>(list: E[]) => [...list].sort(byTime);
  return {
    splits: ok(sorted(trace.ofType<SplitEvent>('split')), failed),
    fits: ok(sorted(trace.ofType<FitEvent>('fit')), failed),
    predicts: ok(sorted(trace.ofType<PredictEvent>('predict')), failed),
    searches: ok(sorted(trace.ofType<SearchEvent>('search')), failed),
    cvs: ok(sorted(trace.ofType<CvEvent>('cv')), failed),
    metrics: ok(sorted(trace.ofType<MetricEvent>('metric')), failed),
    targets: sorted(trace.ofType<TargetEvent>('target')),
    failed,
  };
}
