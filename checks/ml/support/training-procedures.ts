import { joinLocalized, type Localized, t } from '../../../runner/i18n.js';
import type { FitEvent } from '../../../runner/tracer/trace-event-types.js';

/** The three procedures the frameworks name (cdp-ia A2C7: « par lot, par mini lot, online »). */
export type Procedure = 'batch' | 'mini-batch' | 'online';

/** How one model was trained: its fits (same object), the procedure they show and why. */
export interface TrainingFacts {
  first: FitEvent;
  estimator: string;
  method: FitEvent['method'];
  calls: number;
  procedure: Procedure;
  /** What shows the procedure, as code (`partial_fit ×12`, `batch_size=32`, `warm_start=True`). */
  how: string;
  rows?: number;
}

/** Estimators that update per sample by stochastic gradient, whose `fit` runs `max_iter` epochs over the data. */
const PER_SAMPLE = /^(SGDClassifier|SGDRegressor|SGDOneClassSVM|Perceptron|PassiveAggressiveClassifier|PassiveAggressiveRegressor)$/;

/**
 * Groups the training fits by model object and names their procedure: repeated `partial_fit` on chunks is
 * mini-batch (online when each chunk is one row, or a single `partial_fit`); a `batch_size` smaller than the rows
 * (MLP's `auto` included) is mini-batch; `warm_start=True` refitted, or an SGD-family `fit`, is online (incremental,
 * per-sample updates); any other `fit` on the whole set is batch.
 */
export function trainingFacts(fits: readonly FitEvent[]): TrainingFacts[] {
  const byObject = new Map<string, FitEvent[]>();
  for (const fit of fits) byObject.set(fit.obj, [...(byObject.get(fit.obj) ?? []), fit]);
  return [...byObject.values()].map((group) => describe(group));
}

function describe(group: FitEvent[]): TrainingFacts {
  const first = group[0]!;
  const estimator = first.final?.class ?? first.estimator;
  const params = { ...(first.params ?? {}), ...(first.steps?.at(-1) as { params?: Record<string, unknown> } | undefined)?.params };
  const rows = first.x?.rows ?? undefined;
  const base = { first, estimator, calls: group.length, ...(rows !== undefined ? { rows } : {}) };
  const partial = group.filter((fit) => fit.method === 'partial_fit');
  if (partial.length > 0) {
    const one = partial.every((fit) => fit.x?.rows === 1);
    return { ...base, method: 'partial_fit', procedure: partial.length === 1 || one ? 'online' : 'mini-batch', how: `partial_fit ×${partial.length}${partial.length > 1 && !one && partial.some((fit) => first.truncated || fit.truncated) ? '+' : ''}` };
  }
  const batchSize = params.batch_size;
  if ((typeof batchSize === 'number' && (rows === undefined || batchSize < rows)) || batchSize === 'auto') {
    return { ...base, method: first.method, procedure: 'mini-batch', how: `batch_size=${JSON.stringify(batchSize)}` };
  }
  if (params.warm_start === true && group.length > 1) return { ...base, method: first.method, procedure: 'online', how: `warm_start=True, fit ×${group.length}` };
  if (PER_SAMPLE.test(estimator)) return { ...base, method: first.method, procedure: 'online', how: `${estimator}.fit, max_iter=${JSON.stringify(params.max_iter ?? null)}` };
  return { ...base, method: first.method, procedure: 'batch', how: `fit${rows !== undefined ? ` (${rows} rows)` : ''}` };
}

const NAMES: Record<Procedure, Localized> = {
  batch: t('par lot', 'batch'),
  'mini-batch': t('par mini-lots', 'mini-batch'),
  online: t('en ligne (incrémental)', 'online (incremental)'),
};

export const procedureName = (procedure: Procedure): Localized => NAMES[procedure];

/** `SGDClassifier : par mini-lots (partial_fit ×12, train.py:14)`, each language on its side. */
export function describeTrainings(items: readonly TrainingFacts[], where: (fit: FitEvent) => string): Localized {
  return joinLocalized(items.map((item) => t(`${item.estimator} : ${NAMES[item.procedure].fr} (${item.how.replace(' rows)', ' lignes)')}, ${where(item.first)})`, `${item.estimator}: ${NAMES[item.procedure].en} (${item.how}, ${where(item.first)})`)), '; ');
}
