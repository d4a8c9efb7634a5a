import type { CvEvent, SearchEvent, TracedEstimator } from '../../../runner/tracer/trace-event-types.js';
import { isClassifierName } from './algorithms.js';
import type { MlFacts } from './ml-facts.js';

/** One cross-validation score of the run: the folds' mean or spread, test or train side, as a metric key. */
export interface CvScore {
  key: string;
  /** Scores sklearn reports negated (`neg_root_mean_squared_error`) are turned back into the metric's own sign. */
  value: number;
  role: 'cv';
  side: 'test' | 'train';
  statistic: 'mean' | 'std' | 'fold' | 'best';
  /** The model's class (the final step of a pipeline). */
  algorithm?: string;
  event: CvEvent | SearchEvent;
}

const SCORING_KEYS: Record<string, string> = {
  root_mean_squared_error: 'rmse',
  mean_squared_error: 'mse',
  mean_absolute_error: 'mae',
  mean_absolute_percentage_error: 'mape',
  r2: 'r2',
  accuracy: 'accuracy',
  balanced_accuracy: 'balanced_accuracy',
  f1: 'f1',
  f1_macro: 'f1',
  f1_weighted: 'f1',
  precision: 'precision',
  recall: 'recall',
  roc_auc: 'roc_auc',
};

/** The metric a `scoring` names, and whether sklearn negated it; without one, the estimator's default score. */
function keyOf(scoring: unknown, estimator: TracedEstimator | null | undefined): { key: string; negated: boolean } | undefined {
  if (typeof scoring === 'string') {
    const negated = scoring.startsWith('neg_');
    const key = SCORING_KEYS[negated ? scoring.slice(4) : scoring];
    return key ? { key, negated } : undefined;
  }
  if (scoring !== null && scoring !== undefined) return undefined;
  const name = estimator?.final?.class ?? estimator?.class ?? '';
  return { key: isClassifierName(name) ? 'accuracy' : 'r2', negated: false };
}

/** Every cross-validation score of the run (cross_val_score / cross_validate folds, searches' best scores). */
export function cvScores(facts: MlFacts): CvScore[] {
  const scores: CvScore[] = [];
  for (const cv of facts.cvs) {
    const metric = keyOf(cv.scoring, cv.estimator);
    if (!metric) continue;
    const sign = metric.negated ? -1 : 1;
    const algorithm = cv.estimator?.final?.class ?? cv.estimator?.class;
    for (const [side, summary] of [['test', cv.test_scores], ['train', cv.train_scores]] as const) {
      if (!summary) continue;
      if (typeof summary.mean === 'number') scores.push({ key: metric.key, value: sign * summary.mean, role: 'cv', side, statistic: 'mean', algorithm, event: cv });
      if (typeof summary.std === 'number') scores.push({ key: metric.key, value: summary.std, role: 'cv', side, statistic: 'std', algorithm, event: cv });
      for (const value of summary.values ?? []) if (typeof value === 'number') scores.push({ key: metric.key, value: sign * value, role: 'cv', side, statistic: 'fold', algorithm, event: cv });
    }
  }
  for (const search of facts.searches) {
    const metric = keyOf(search.scoring, search.estimator);
    const algorithm = search.estimator?.final?.class ?? search.estimator?.class;
    if (metric && typeof search.best_score === 'number') scores.push({ key: metric.key, value: (metric.negated ? -1 : 1) * search.best_score, role: 'cv', side: 'test', statistic: 'best', algorithm, event: search });
  }
  return scores;
}
