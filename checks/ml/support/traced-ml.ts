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

/** The ML events of a run, typed and in execution order (the trace index's). Failed calls (with `error`) are kept apart. */
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
  return {
    splits: ok(trace.ofType<SplitEvent>('split'), failed),
    fits: ok(trace.ofType<FitEvent>('fit'), failed),
    predicts: ok(trace.ofType<PredictEvent>('predict'), failed),
    searches: ok(trace.ofType<SearchEvent>('search'), failed),
    cvs: ok(trace.ofType<CvEvent>('cv'), failed),
    metrics: ok(trace.ofType<MetricEvent>('metric'), failed),
    targets: trace.ofType<TargetEvent>('target'),
    failed,
  };
}
