import type { FitEvent } from '../../../runner/tracer/trace-event-types.js';

/** A scikit-learn imputer the trace saw fitted, alone or inside a pipeline / ColumnTransformer. */
export interface ImputerUse {
  /** SimpleImputer, KNNImputer, IterativeImputer… */
  estimator: string;
  /** strategy, fill_value, n_neighbors as given. */
  params: Record<string, unknown>;
  /** The columns it was given; undefined when the trace could not name them (then it may be any column). */
  columns: string[] | undefined;
  /** Where it sits in the fitted estimator (`prep/num/imp`); its own class for a bare imputer. */
  path: string;
  /** SimpleImputer: the value it filled each column with. */
  statistics?: Record<string, unknown> | null;
  /** The fit that trained it (its site is the candidate's line). */
  fit: FitEvent;
}

const IMPUTER = /Imputer$/;

/**
 * Every imputer of the run's successful fits: bare ones (`SimpleImputer().fit_transform(df[cols])`, columns from the
 * fit's input) and those inside pipelines and ColumnTransformers (the tracer flattens them with the columns their
 * ColumnTransformer entry gave, so each is credited on its real columns).
 */
export function imputerUses(fits: readonly FitEvent[]): ImputerUse[] {
  const uses: ImputerUse[] = [];
  for (const fit of fits) {
    if (fit.error) continue;
    if (IMPUTER.test(fit.estimator)) {
      uses.push({ estimator: fit.estimator, params: fit.params ?? {}, columns: fit.x?.columns, path: fit.estimator, fit });
      continue;
    }
    for (const inner of fit.imputers ?? []) {
      const params: Record<string, unknown> = {};
      for (const key of ['strategy', 'fill_value', 'n_neighbors'] as const) if (inner[key] !== undefined) params[key] = inner[key];
      uses.push({ estimator: inner.class, params, columns: inner.columns ?? undefined, path: inner.path, statistics: inner.statistics, fit });
    }
  }
  return uses;
}
