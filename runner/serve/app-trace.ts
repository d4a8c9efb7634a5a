import type { PredictEvent, FitEvent } from '../tracer/trace-event-types.js';
import type { TraceIndex } from '../tracer/trace-index.js';
import type { AppRoute, AppTraceFacts, HttpExchange } from './http-evidence.js';

interface AppStartEvent {
  type: 'app_start';
  framework?: string;
  host?: string;
  port?: number;
  routes?: Array<{ path?: unknown; methods?: unknown }>;
}

/** Flask's routes as the tracer read them from the app's `url_map` when it started. */
export function flaskRoutesOf(trace: TraceIndex): AppRoute[] {
  const start = trace.ofType('app_start').at(-1) as unknown as AppStartEvent | undefined;
  const routes: AppRoute[] = [];
  for (const route of Array.isArray(start?.routes) ? start.routes : []) {
    if (typeof route.path !== 'string' || route.path.startsWith('/static')) continue;
    const methods = Array.isArray(route.methods) ? route.methods.filter((m): m is string => typeof m === 'string') : ['GET'];
    for (const method of methods) routes.push({ method, path: route.path, source: 'flask-url-map' });
  }
  return routes;
}

/** What the app's process did, for the evidence; each exchange gets the count of `predict` calls made while it was answered. */
export function appTraceFacts(trace: TraceIndex, pipeline: TraceIndex, exchanges: HttpExchange[]): AppTraceFacts {
  const predictions = trace.ofType<PredictEvent>('predict').filter((event) => event.method !== 'transform' && event.method !== 'score' && !event.error).map((event) => ({ method: event.method, estimator: event.final?.class ?? event.estimator, at: Math.round(event.ts * 1000) }));
  // Clocks: the app's process and the runner share the host's clock (a container uses the host kernel's).
  for (const exchange of exchanges) exchange.tracedPredictions = predictions.filter((p) => p.at >= exchange.startedAt - 5 && p.at <= exchange.endedAt + 5).length;
  const fitted = [...new Set(pipeline.ofType<FitEvent>('fit').filter((fit) => !fit.error).map((fit) => fit.final?.class ?? fit.estimator))];
  const start = trace.ofType('app_start').at(-1) as unknown as AppStartEvent | undefined;
  return {
    predictions: predictions.slice(0, 200),
    fittedEstimators: fitted,
    ...(start ? { appStart: { framework: start.framework ?? 'unknown', host: start.host, port: start.port } } : {}),
    events: trace.all().length,
    problems: [...trace.problems].slice(0, 20),
  };
}
