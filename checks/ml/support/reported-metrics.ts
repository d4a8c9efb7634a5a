import { ALGORITHMS } from './algorithms.js';
import { METRIC_ALIASES } from './metric-catalog.js';

/** A number found in the candidate's metrics file, read as a metric claim. */
export interface ReportedMetric {
  /** JSON path, e.g. `models.ridge.rmse`. */
  path: string;
  value: number;
  /** Metric key (rmse, mae, accuracy…). */
  key: string;
  /** Algorithm key when the path names one (ridge, random_forest…). */
  algorithm?: string;
  /**
   * `cv` when the path says it is a cross-validation score (`cv_rmse`, `cross_val`, `val_score`, `best_score`),
   * `train` when it says train; test otherwise.
   */
  role: 'train' | 'test' | 'cv';
  /** cv: the path says it is the train side of the folds (`cv.train_rmse`). */
  trainSide?: boolean;
  /** cv: the path says it is the spread of the fold scores (`rmse_std`), not their mean. */
  spread?: boolean;
}

const CV = /(^|[^a-z])(cv|cross|crossval|cross_val|validation|val|folds?|kfold|best_score)([^a-z]|$)/i;
const TRAIN = /(^|[^a-z])(train|entrainement|entraînement|apprentissage)/i;
const SPREAD = /(^|[^a-z])(std|ecart|écart|sigma)([^a-z]|$)/i;

const MODEL_WORDS: Record<string, string> = {
  rf: 'random_forest',
  randomforest: 'random_forest',
  forest: 'random_forest',
  tree: 'decision_tree',
  decisiontree: 'decision_tree',
  dt: 'decision_tree',
  logreg: 'logistic_regression',
  logistic: 'logistic_regression',
  logisticregression: 'logistic_regression',
  kneighbors: 'knn',
  elastic: 'elasticnet',
  elastic_net: 'elasticnet',
  linear: 'linear_regression',
  linearregression: 'linear_regression',
  xgb: 'gradient_boosting',
  xgboost: 'gradient_boosting',
};

function metricKeyOf(segment: string): string | undefined {
  const lower = segment.toLowerCase();
  if (METRIC_ALIASES[lower]) return METRIC_ALIASES[lower];
  for (const token of lower.split(/[^a-z0-9]+/)) if (METRIC_ALIASES[token]) return METRIC_ALIASES[token];
  return undefined;
}

function algorithmOf(segments: string[]): string | undefined {
  for (const segment of segments) {
    const lower = segment.toLowerCase();
    const compact = lower.replace(/[^a-z0-9]/g, '');
    if (ALGORITHMS[lower]) return lower;
    if (MODEL_WORDS[lower] ?? MODEL_WORDS[compact]) return MODEL_WORDS[lower] ?? MODEL_WORDS[compact];
    for (const [key, algorithm] of Object.entries(ALGORITHMS)) {
      if (algorithm.classes.some((c) => c.toLowerCase() === compact) || key.replace(/_/g, '') === compact) return key;
    }
    for (const token of lower.split(/[^a-z0-9]+/)) if (ALGORITHMS[token] ?? MODEL_WORDS[token]) return ALGORITHMS[token] ? token : MODEL_WORDS[token];
  }
  return undefined;
}

/** Walks a parsed metrics file and keeps every number whose key names a metric. */
export function reportedMetrics(json: unknown): ReportedMetric[] {
  const found: ReportedMetric[] = [];
  const walk = (value: unknown, segments: string[]): void => {
    if (typeof value === 'number' && Number.isFinite(value)) {
      const last = segments[segments.length - 1] ?? '';
      const key = metricKeyOf(last) ?? [...segments].reverse().map(metricKeyOf).find(Boolean);
      if (!key) return;
      const train = segments.some((s) => TRAIN.test(s));
      const cv = segments.some((s) => CV.test(s));
      const claim: ReportedMetric = { path: segments.join('.'), value, key, algorithm: algorithmOf(segments), role: cv ? 'cv' : train ? 'train' : 'test' };
      if (cv && train) claim.trainSide = true;
      if (cv && segments.some((s) => SPREAD.test(s))) claim.spread = true;
      found.push(claim);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...segments, String(i)]));
    } else if (value && typeof value === 'object') {
      // {"model": "Ridge", "rmse": 3.2}: a name field inside a record names the algorithm of its siblings.
      const record = value as Record<string, unknown>;
      const name = ['model', 'modele', 'modèle', 'name', 'nom', 'algorithm', 'algorithme', 'estimator'].map((k) => record[k]).find((v) => typeof v === 'string') as string | undefined;
      for (const [key, item] of Object.entries(record)) walk(item, name ? [...segments, name, key] : [...segments, key]);
    }
  };
  walk(json, []);
  return found;
}
