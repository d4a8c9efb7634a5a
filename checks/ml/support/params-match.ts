import type { FitEvent } from '../../../runner/tracer/trace-event-types.js';

/** A fit's parameters flattened as search keys: `alpha` for a bare model, `model__alpha` for pipeline steps. */
export function flatParams(fit: FitEvent): Record<string, unknown> {
  const flat: Record<string, unknown> = { ...(fit.params ?? {}) };
  for (const step of fit.steps ?? []) {
    for (const [key, value] of Object.entries(step.params ?? {})) flat[`${step.name}__${key}`] = value;
  }
  return flat;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * True when the fit was made with every best parameter. A key the fit lacks under its full name is looked up
 * without its step prefix, so a search over a pipeline (`model__alpha`) matches a refit of the bare model.
 */
export function usesParams(fit: FitEvent, best: Record<string, unknown>): boolean {
  const flat = flatParams(fit);
  return Object.entries(best).every(([key, value]) => {
    if (key in flat) return same(flat[key], value);
    const bare = key.split('__').pop()!;
    return bare in flat && same(flat[bare], value);
  });
}
