import type { TraceIndex } from '../../../runner/tracer/trace-index.js';
import { DataRoles } from './data-roles.js';
import { tracedModels, type TracedModel } from './models.js';
import { tracedMl, type TracedMl } from './traced-ml.js';

/** Everything the ML checks derive from a trace, computed once per trace and shared. */
export interface MlFacts extends TracedMl {
  roles: DataRoles;
  models: TracedModel[];
}

const cache = new WeakMap<TraceIndex, MlFacts>();

export function mlFacts(trace: TraceIndex): MlFacts {
  let facts = cache.get(trace);
  if (!facts) {
    const ml = tracedMl(trace);
    const roles = new DataRoles(ml);
    facts = { ...ml, roles, models: tracedModels(ml, roles) };
    cache.set(trace, facts);
  }
  return facts;
}
