import type { FitEvent, PredictEvent, SearchEvent, TracedData } from '../../../runner/tracer/trace-event-types.js';
import { DataRoles, type DataRole } from './data-roles.js';
import type { TracedMl } from './traced-ml.js';

/** Modules whose estimators prepare data rather than predict a target. */
const TRANSFORMER_MODULES = /^sklearn\.(preprocessing|impute|feature_selection|feature_extraction|decomposition|compose|manifold|random_projection|kernel_approximation|cluster)\b/;

/**
 * A supervised model the candidate trained: one estimator object (or one search, which refits its best
 * estimator), with the data it was fitted on and everything later applied with it.
 */
export interface TracedModel {
  /** `pid:obj`, unique in the run. */
  key: string;
  /** The model's class (the final step of a pipeline, the searched estimator of a search). */
  algorithm: string;
  /** The object the candidate fitted when it wraps the model: Pipeline, GridSearchCV… */
  wrapper?: string;
  /** The fit (or search) event; its site is where the model was trained. */
  fit: FitEvent | SearchEvent;
  train: TracedData | null | undefined;
  trainRole: DataRole | undefined;
  /** predict / predict_proba / decision_function / score calls made with this model, in order. */
  applications: PredictEvent[];
}

/** Final class of a fit, a search or a predict (pipelines and wrappers are looked through). */
export function finalClass(event: FitEvent | PredictEvent): string {
  return event.final?.class ?? event.estimator;
}

/** The class a search tunes: the final step when it searches a Pipeline, else its estimator's class. */
export function searchedClass(search: SearchEvent): string | undefined {
  return search.estimator?.final?.class ?? search.estimator?.class;
}

/**
 * Whether a fit trains a model (a supervised estimator given a target), rather than preparing data: a
 * transformer (scaler, imputer, encoder, PCA…), a `fit_transform`, or a fit without `y`.
 */
export function isSupervisedFit(fit: FitEvent): boolean {
  if (!fit.y || fit.method === 'fit_transform') return false;
  const module = fit.steps?.length ? fit.steps[fit.steps.length - 1]?.module : fit.module;
  return !TRANSFORMER_MODULES.test(module ?? '');
}

/** Every supervised model of the run, with its applications; the same object fitted twice keeps its last fit. */
export function tracedModels(ml: TracedMl, roles: DataRoles): TracedModel[] {
  const models = new Map<string, TracedModel>();
  const aliases = new Map<string, string>();
  for (const fit of ml.fits) {
    if (!isSupervisedFit(fit)) continue;
    const key = `${fit.pid}:${fit.obj}`;
    models.set(key, {
      key,
      algorithm: finalClass(fit),
      wrapper: fit.final ? fit.estimator : undefined,
      fit,
      train: fit.x,
      trainRole: roles.roleOf(fit.x),
      applications: [],
    });
  }
  for (const search of ml.searches) {
    const key = `${search.pid}:${search.obj}`;
    models.set(key, {
      key,
      algorithm: searchedClass(search) ?? search.search,
      wrapper: search.search,
      fit: search,
      train: search.x,
      trainRole: roles.roleOf(search.x),
      applications: [],
    });
    if (search.best_estimator_obj) aliases.set(`${search.pid}:${search.best_estimator_obj}`, key);
  }
  for (const predict of ml.predicts) {
    if (predict.method === 'transform') continue;
    const own = `${predict.pid}:${predict.obj}`;
    const model = models.get(aliases.get(own) ?? own);
    if (model && predict.ts >= model.fit.ts) model.applications.push(predict);
  }
  return [...models.values()];
}

/** Applications of a model on data of the given role. */
export function applicationsOn(model: TracedModel, roles: DataRoles, role: DataRole): PredictEvent[] {
  return model.applications.filter((p) => roles.roleOf(p.x) === role);
}
