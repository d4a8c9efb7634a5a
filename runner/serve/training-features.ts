import type { FitEvent } from '../tracer/trace-event-types.js';
import type { TraceIndex } from '../tracer/trace-index.js';

/** The range of one feature in the training data, as the tracer recorded it (hooks/sklearn_feature_ranges.py). */
export type FeatureRange = { min: number; max: number; integer?: boolean } | { values: string[] };

/** The features the served model should expect: the columns of the pipeline's last traced fit on named data. */
export interface TrainingFeatures {
  names: string[];
  ranges: Record<string, FeatureRange>;
  /** Estimator classes fitted (the final estimator's class for a pipeline). */
  estimators: string[];
}

export function trainingFeatures(trace: TraceIndex): TrainingFeatures {
  const fits = trace.ofType<FitEvent>('fit').filter((fit) => !fit.error);
  const estimators = [...new Set(fits.flatMap((fit) => [fit.estimator, ...(fit.final ? [fit.final.class] : [])]))];
  // A model's fit, not a scaler's: `fit` (not `fit_transform`) on a DataFrame with named columns, the last one.
  const named = fits.filter((fit) => fit.method === 'fit' && (fit.x?.columns?.length ?? 0) > 0);
  const chosen = named[named.length - 1];
  if (!chosen) return { names: [], ranges: {}, estimators };
  const ranges = ((chosen.x as { ranges?: Record<string, FeatureRange> }).ranges ?? {}) as Record<string, FeatureRange>;
  return { names: chosen.x!.columns!, ranges, estimators };
}

/** `Surface_m2`, `surface m²` and `surfaceM2` compare alike: case, accents and separators folded. */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/²/g, '2').toLowerCase().replace(/[^a-z0-9]/g, '');
}
