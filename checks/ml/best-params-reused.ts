import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import type { FitEvent, PredictEvent, SearchEvent } from '../../runner/tracer/trace-event-types.js';
import type { MlFacts } from './support/ml-facts.js';
import { mlEvidence, NEEDS } from './support/ml-evidence.js';
import { finalClass, searchedClass } from './support/models.js';
import { usesParams } from './support/params-match.js';
import { NO_TRACE, traced, where } from '../support/trace-support.js';

type Reuse = { how: 'refit'; event: PredictEvent } | { how: 'fit'; event: FitEvent };


/**
 * How a search's best parameters were put to use afterwards, if they were. A refit counts on the search's own
 * data, the train set, or the whole data set (cdp-data-ia C3.5 asks to retrain "sur l'ensemble du jeu de données").
 */
function reuseOf(search: SearchEvent, facts: MlFacts): Reuse | undefined {
  const refitted = search.refit !== false && search.best_estimator_obj;
  if (refitted) {
    const objs = new Set([search.obj, search.best_estimator_obj]);
    const applied = facts.predicts.find((p) => p.pid === search.pid && objs.has(p.obj) && p.ts > search.ts && p.method !== 'transform');
    if (applied) return { how: 'refit', event: applied };
  }
  // Read in the code: `Model(**search.best_params_)` names the search it unpacks (values exist only when run).
  const unpacked = facts.fits.find((f) => f.observed === false && f.ts > search.ts && f.y && f.params_from === search.obj);
  if (unpacked) return { how: 'fit', event: unpacked };
  const best = search.best_params;
  if (!best || Object.keys(best).length === 0) return undefined;
  const refit = facts.fits.find(
    (f) => f.ts > search.ts && f.y && finalClass(f) === searchedClass(search) && usesParams(f, best) && (f.x?.fp === search.x?.fp || ['train', 'full'].includes(facts.roles.roleOf(f.x) ?? '')),
  );
  return refit ? { how: 'fit', event: refit } : undefined;
}

export default defineCheck({
  meta: {
    id: 'ml/best-params-reused',
    title: { fr: 'Meilleurs paramètres retenus pour le modèle final', en: 'Best parameters reused for the final model' },
    criteria: ['cdp-data-ia:C3.5'],
    evidence: ['trace'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      staticReuse: {
        fr: '{model}.{method} ({where}) utilise les meilleurs paramètres de {search}.',
        en: '{model}.{method} ({where}) uses the best parameters of {search}.',
      },
      refit: {
        fr: 'Les meilleurs paramètres de {search} ({best}) sont utilisés : le modèle réentraîné par la recherche sert à {method} ({where}).',
        en: 'The best parameters of {search} ({best}) are used: the model refitted by the search is used for {method} ({where}).',
      },
      fit: {
        fr: 'Les meilleurs paramètres de {search} ({best}) sont repris pour entraîner {model} sur {rows} lignes ({where}).',
        en: 'The best parameters of {search} ({best}) are reused to fit {model} on {rows} rows ({where}).',
      },
      notReused: {
        fr: "{search} ({searchWhere}) trouve {best}, mais aucun modèle n'est ensuite entraîné avec ces paramètres ni utilisé via la recherche. Attendu : le modèle final utilise les meilleurs paramètres (grid.best_estimator_, grid.predict(X_test), ou Modele(**grid.best_params_).fit(X_train, y_train)).",
        en: '{search} ({searchWhere}) finds {best}, but no model is then fitted with these parameters or used through the search. Expected: the final model uses the best parameters (grid.best_estimator_, grid.predict(X_test), or Model(**grid.best_params_).fit(X_train, y_train)).',
      },
      noSearch: {
        fr: "Aucune recherche d'hyperparamètres exécutée : pas de meilleurs paramètres à reprendre. Voir ml/grid-search.",
        en: 'No hyper-parameter search was run: no best parameters to reuse. See ml/grid-search.',
      },
    },
  },
  run(ctx) {
    const got = mlEvidence(ctx, NEEDS.search);
    if ('skip' in got) return got.skip;
    // Read in the code where the step stopped before this was observed: the verdict says so (run-check.ts).
    const basis = got.static ? { static: got.static } : {};
    const { facts } = got;
    if (facts.searches.length === 0) return { ...basis, status: 'fail', message: 'noSearch' };
    const evidence: Evidence[] = [];
    let found: { search: SearchEvent; reuse: Reuse } | undefined;
    for (const search of facts.searches) {
      const reuse = reuseOf(search, facts);
      evidence.push(traced(search.search, search, { expected: 'best params reused', actual: reuse ? `reused (${reuse.how})` : 'not reused', data: { best_params: search.best_params ?? null, refit: (search.refit as boolean | string | undefined) ?? null } }));
      if (reuse) {
        evidence.push(traced(reuse.how === 'refit' ? `${reuse.event.estimator}.${reuse.event.method}` : `${finalClass(reuse.event)}.fit`, reuse.event, { data: { rows: reuse.event.x?.rows ?? null } }));
        found ??= { search, reuse };
      }
    }
    if (found) {
      const { search, reuse } = found;
      const params = { search: search.search, best: JSON.stringify(search.best_params ?? {}), where: where(reuse.event) };
      if (got.static) return { ...basis, status: 'pass', message: 'staticReuse', params: { search: params.search, model: finalClass(reuse.event), method: reuse.event.method, where: params.where }, evidence };
      if (reuse.how === 'refit') return { ...basis, status: 'pass', message: 'refit', params: { ...params, method: reuse.event.method }, evidence };
      return { ...basis, status: 'pass', message: 'fit', params: { ...params, model: finalClass(reuse.event), rows: reuse.event.x?.rows ?? '?' }, evidence };
    }
    const search = facts.searches[0]!;
    return { ...basis, status: 'fail', message: 'notReused', params: { search: search.search, best: JSON.stringify(search.best_params ?? {}), searchWhere: where(search) }, evidence };
  },
});
