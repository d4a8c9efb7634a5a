import type { TraceEvent } from './trace-event.js';

/**
 * Typed views of the events the Python tracer writes (see `trace-event.schema.json`, the source of truth).
 * Fields the tracer could not compute are absent rather than null.
 */

/** An array-like argument or result: size and a fingerprint of its values (same data, same `fp`). */
export interface TracedData {
  rows?: number | null;
  cols?: number | null;
  /** Python class name: DataFrame, Series, ndarray… */
  kind?: string;
  fp?: string | null;
  columns?: string[];
  name?: string;
  dtype?: string;
  /** Split outputs only. */
  role?: 'train' | 'test';
  /** Static facts only: the code naming this data at the call (`X_train`, `model.predict(X_test)`). */
  expr?: string;
  input?: number;
}

export interface ClassRef {
  class: string;
  module?: string;
}

/** An estimator as described by the tracer; `final` names the model at the end of a pipeline. */
export interface TracedEstimator extends ClassRef {
  params?: Record<string, unknown> | null;
  steps?: Array<TracedEstimator & { name: string }>;
  transformers?: Array<{ name: string; class: string }>;
  final?: ClassRef;
}

export interface ScoreSummary {
  n: number;
  mean?: number | null;
  std?: number | null;
  min?: number | null;
  max?: number | null;
  values?: Array<number | null>;
}

export interface SplitEvent extends TraceEvent {
  type: 'split';
  /** `by_column`: static facts only, rows selected on a date column (`column`, `conditions`). */
  kind: 'train_test_split' | 'cv_splitter' | 'by_column';
  function?: string;
  n_rows?: number | null;
  train_rows?: number | null;
  test_rows?: number | null;
  ratio?: number | null;
  test_size?: unknown;
  train_size?: unknown;
  shuffle?: boolean | null;
  stratify?: boolean;
  random_state?: unknown;
  inputs?: Array<TracedData | null>;
  outputs?: TracedData[];
  splitter?: string;
  n_splits?: number | null;
  x?: TracedData | null;
  error?: string;
}

export interface FitEvent extends TraceEvent {
  type: 'fit';
  method: 'fit' | 'partial_fit' | 'fit_transform' | 'fit_predict';
  estimator: string;
  module?: string;
  obj: string;
  params?: Record<string, unknown> | null;
  steps?: TracedEstimator['steps'];
  final?: ClassRef;
  x?: TracedData | null;
  y?: TracedData | null;
  output?: TracedData | null;
  duration?: number;
  /** Imputers inside the estimator (pipeline steps, ColumnTransformer entries), flattened with their columns. */
  imputers?: TracedImputer[];
  error?: string;
}

/** An imputer found inside a fitted estimator: where (`prep/num/imp`), which columns, which strategy. */
export interface TracedImputer {
  path: string;
  class: string;
  /** Column names it was given (resolved once fitted); absent when they could not be named. */
  columns?: string[] | null;
  strategy?: unknown;
  fill_value?: unknown;
  n_neighbors?: unknown;
  /** SimpleImputer: the fill value it computed per column. */
  statistics?: Record<string, unknown> | null;
}

export interface PredictEvent extends TraceEvent {
  type: 'predict';
  method: 'predict' | 'predict_proba' | 'predict_log_proba' | 'decision_function' | 'score' | 'transform';
  estimator: string;
  module?: string;
  obj: string;
  final?: ClassRef;
  x?: TracedData | null;
  y?: TracedData | null;
  output?: TracedData | null;
  value?: number | null;
  error?: string;
}

export interface SearchEvent extends TraceEvent {
  type: 'search';
  search: string;
  obj: string;
  estimator?: TracedEstimator | null;
  params_searched?: string[];
  param_space?: Record<string, { size?: number | null; values?: unknown[] | null }>;
  grid_size?: number | null;
  n_iter?: number | null;
  n_candidates?: number | null;
  cv?: number | null;
  scoring?: unknown;
  refit?: unknown;
  best_params?: Record<string, unknown> | null;
  best_score?: number | null;
  best_estimator_obj?: string;
  train_scores_recorded?: boolean;
  x?: TracedData | null;
  y?: TracedData | null;
  error?: string;
}

export interface CvEvent extends TraceEvent {
  type: 'cv';
  function: string;
  estimator?: TracedEstimator | null;
  x?: TracedData | null;
  y?: TracedData | null;
  cv?: { n_splits?: number | null; splitter?: string };
  scoring?: unknown;
  test_scores?: ScoreSummary | null;
  train_scores?: ScoreSummary | null;
  /** cross_val_predict only: the out-of-fold predictions. */
  output?: TracedData | null;
  error?: string;
}

export interface MetricEvent extends TraceEvent {
  type: 'metric';
  name: string;
  module?: string;
  n?: number | null;
  y_true?: TracedData | null;
  y_pred?: TracedData | null;
  options?: Record<string, unknown> | null;
  value?: number | null;
  /** Metrics computed by hand (`module: "formula"`): the candidate's expression, e.g. `np.sqrt(np.mean((y_test - y_pred) ** 2))`. */
  formula?: string;
  /** module formula: the metric this one derives from in a later statement (`mse ** 0.5` → mean_squared_error). */
  derived?: string;
  error?: string;
}

export interface TargetEvent extends TraceEvent {
  type: 'target';
  kind: 'numeric' | 'categorical' | 'mixed';
  dtype?: string;
  name?: string;
  n_unique?: number | null;
  y?: TracedData;
  x?: TracedData;
  target_in_features?: boolean;
}

export interface TracerErrorEvent extends TraceEvent {
  type: 'tracer_error';
  where: string;
  error: string;
}
