import type { TraceIndex } from '../../../runner/tracer/trace-index.js';
import type { MetricEvent, PredictEvent } from '../../../runner/tracer/trace-event-types.js';
import { isClassifierName } from './algorithms.js';
import type { DataRole } from './data-roles.js';
import { mlFacts, type MlFacts } from './ml-facts.js';
import { finalClass, type TracedModel } from './models.js';

/** One computed metric: which (rmse, mae, accuracy…), its value, and the data it was computed on. */
export interface MetricUse {
  key: string;
  value: number | null;
  role: DataRole | undefined;
  event: MetricEvent | PredictEvent;
  /**
   * `sqrt`: RMSE taken as the root of an MSE (the call's line shows sqrt or ** 0.5, or the tracer saw `np.sqrt(mse)`
   * further down); `formula`: a metric computed by hand (`np.mean((y - p) ** 2)`), recorded by the tracer.
   */
  derived?: 'sqrt' | 'formula';
  /** The model whose predictions were scored, when the trace links them. */
  model?: TracedModel;
}

const BY_FUNCTION: Record<string, string[]> = {
  root_mean_squared_error: ['rmse'],
  mean_absolute_error: ['mae'],
  r2_score: ['r2'],
  mean_absolute_percentage_error: ['mape'],
  median_absolute_error: ['medae'],
  explained_variance_score: ['explained_variance'],
  accuracy_score: ['accuracy'],
  balanced_accuracy_score: ['balanced_accuracy'],
  precision_score: ['precision'],
  recall_score: ['recall'],
  f1_score: ['f1'],
  fbeta_score: ['fbeta'],
  confusion_matrix: ['confusion_matrix'],
  multilabel_confusion_matrix: ['confusion_matrix'],
  // The report prints accuracy, precision, recall and F1; it returns text, so these carry no value.
  classification_report: ['classification_report', 'accuracy', 'precision', 'recall', 'f1'],
  precision_recall_fscore_support: ['precision', 'recall', 'f1'],
  roc_auc_score: ['roc_auc'],
  log_loss: ['log_loss'],
};

/** How users may name metrics in options and in metrics.json keys. */
export const METRIC_ALIASES: Record<string, string> = {
  rmse: 'rmse',
  root_mean_squared_error: 'rmse',
  mse: 'mse',
  mean_squared_error: 'mse',
  mae: 'mae',
  mean_absolute_error: 'mae',
  r2: 'r2',
  r2_score: 'r2',
  mape: 'mape',
  accuracy: 'accuracy',
  accuracy_score: 'accuracy',
  acc: 'accuracy',
  precision: 'precision',
  recall: 'recall',
  f1: 'f1',
  f1_score: 'f1',
  roc_auc: 'roc_auc',
  auc: 'roc_auc',
  confusion_matrix: 'confusion_matrix',
};

const SQRT = /sqrt|\*\*\s*\(?\s*(0?\.5|1\s*\/\s*2)\b/;

function keysOf(event: MetricEvent): Array<{ key: string; value: number | null; derived?: 'sqrt' | 'formula' }> {
  const value = typeof event.value === 'number' ? event.value : null;
  // Computed by hand: the tracer already named the metric (an RMSE is its own event, never the line's sqrt).
  if (event.module === 'formula') return [{ key: event.name === 'mean_squared_error' ? 'mse' : (BY_FUNCTION[event.name]?.[0] ?? event.name), value, derived: event.derived ? 'sqrt' : 'formula' }];
  if (event.name === 'mean_squared_error') {
    if (event.options?.squared === false) return [{ key: 'rmse', value }];
    const uses: Array<{ key: string; value: number | null; derived?: 'sqrt' }> = [{ key: 'mse', value }];
    if (SQRT.test(typeof event.source === 'string' ? event.source : '')) uses.push({ key: 'rmse', value: value === null ? null : Math.sqrt(value), derived: 'sqrt' });
    return uses;
  }
  return (BY_FUNCTION[event.name] ?? [event.name]).map((key) => ({ key, value }));
}

const cache = new WeakMap<TraceIndex, readonly MetricUse[]>();

/**
 * Every metric the run computed (sklearn.metrics calls and estimator `score` calls), with its data role;
 * computed once per trace and shared by the checks that read metrics.
 */
export function metricUses(trace: TraceIndex): readonly MetricUse[] {
  let uses = cache.get(trace);
  if (!uses) {
    uses = collectUses(mlFacts(trace));
    cache.set(trace, uses);
  }
  return uses;
}

function collectUses(facts: MlFacts): MetricUse[] {
  const byOutput = new Map<string, TracedModel>();
  for (const model of facts.models) {
    for (const application of model.applications) if (application.output?.fp) byOutput.set(application.output.fp, model);
  }
  const uses: MetricUse[] = [];
  for (const event of facts.metrics) {
    const role = facts.roles.roleOf(event.y_pred) ?? facts.roles.roleOf(event.y_true);
    const model = event.y_pred?.fp ? byOutput.get(event.y_pred.fp) : undefined;
    for (const use of keysOf(event)) uses.push({ ...use, role, event, model });
  }
  for (const model of facts.models) {
    for (const application of model.applications) {
      if (application.method !== 'score') continue;
      const key = isClassifierName(finalClass(application)) || isClassifierName(model.algorithm) ? 'accuracy' : 'r2';
      uses.push({ key, value: application.value ?? null, role: facts.roles.roleOf(application.x), event: application, model });
    }
  }
  return uses;
}
