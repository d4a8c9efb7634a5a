import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import type { SearchEvent } from '../../runner/tracer/trace-event-types.js';
import { NO_TRACE, traced, where } from '../support/trace-support.js';
import { mlEvidence, NEEDS } from './support/ml-evidence.js';
import { searchedClass } from './support/models.js';

interface Options {
  minParams: number;
  minCombinations: number;
  allowRandomized: boolean;
}

const combinations = (s: SearchEvent) => s.n_candidates ?? s.grid_size ?? s.n_iter ?? 0;
const isRandomized = (s: SearchEvent) => /Randomized/.test(s.search);

export default defineCheck({
  meta: {
    id: 'ml/grid-search',
    title: { fr: 'Recherche des hyperparamètres par grille', en: 'Hyper-parameter grid search' },
    criteria: ['cdp-data-ia:C3.5', 'cdp-ia-aivancity:C6.3'],
    evidence: ['trace'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minParams: { type: 'integer', minimum: 1, default: 2, description: 'a search over at least this many parameters passes…' },
        minCombinations: { type: 'integer', minimum: 1, default: 4, description: '…or one trying at least this many combinations' },
        allowRandomized: { type: 'boolean', default: false, description: 'accept RandomizedSearchCV (aivancity) besides an exhaustive grid' },
      },
    },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: '{search} sur {model} : {params} {params|paramètre|paramètres} ({names}), {combinations} combinaisons, validation croisée en {cv} plis ({where}).',
        en: '{search} on {model}: {params} {params|parameter|parameters} ({names}), {combinations} combinations, {cv}-fold cross-validation ({where}).',
      },
      tooSmall: {
        fr: "{search} sur {model} ne couvre que {params} {params|paramètre|paramètres} et {combinations} {combinations|combinaison|combinaisons} ({where}). Attendu : au moins {minParams} paramètres ou {minCombinations} combinaisons. Élargissez param_grid (par ex. alpha et l1_ratio, plusieurs valeurs chacun).",
        en: '{search} on {model} covers only {params} {params|parameter|parameters} and {combinations} {combinations|combination|combinations} ({where}). Expected: at least {minParams} parameters or {minCombinations} combinations. Widen param_grid (e.g. alpha and l1_ratio, several values each).',
      },
      randomizedOnly: {
        fr: "Seule une recherche aléatoire ({search}, {where}) a été lancée ; le référentiel attend une recherche exhaustive par grille (GridSearchCV).",
        en: 'Only a randomized search ({search}, {where}) was run; the framework expects an exhaustive grid search (GridSearchCV).',
      },
      none: {
        fr: "Aucune recherche d'hyperparamètres (GridSearchCV) n'a été exécutée. Attendu : GridSearchCV(modèle, param_grid, cv=5).fit(X_train, y_train) sur au moins {minParams} paramètres ou {minCombinations} combinaisons.",
        en: 'No hyper-parameter search (GridSearchCV) was run. Expected: GridSearchCV(model, param_grid, cv=5).fit(X_train, y_train) over at least {minParams} parameters or {minCombinations} combinations.',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const got = mlEvidence(ctx, NEEDS.search);
    if ('skip' in got) return got.skip;
    // Read in the code where the step stopped before this was observed: the verdict says so (run-check.ts).
    const basis = got.static ? { static: got.static } : {};
    const { minParams, minCombinations, allowRandomized } = ctx.options;
    const searches = got.facts.searches;
    if (searches.length === 0) return { ...basis, status: 'fail', message: 'none', params: { minParams, minCombinations } };
    const accepted = searches.filter((s) => allowRandomized || !isRandomized(s));
    const bigEnough = (s: SearchEvent) => (s.params_searched?.length ?? 0) >= minParams || combinations(s) >= minCombinations;
    const evidence: Evidence[] = searches.map((s) =>
      traced(s.search, s, {
        expected: `>= ${minParams} params or >= ${minCombinations} combinations`,
        actual: `${s.params_searched?.length ?? 0} params, ${combinations(s)} combinations`,
        data: { model: searchedClass(s) ?? null, params: s.params_searched ?? [], cv: s.cv ?? null, best_params: s.best_params ?? null, best_score: s.best_score ?? null },
      }),
    );
    const best = accepted.find(bigEnough) ?? accepted[0] ?? searches[0]!;
    const found = { search: best.search, model: searchedClass(best) ?? '?', params: best.params_searched?.length ?? 0, combinations: combinations(best), where: where(best) };
    if (accepted.length === 0) return { ...basis, status: 'fail', message: 'randomizedOnly', params: { search: best.search, where: found.where }, evidence };
    if (!bigEnough(best)) return { ...basis, status: 'fail', score: 0.5, message: 'tooSmall', params: { ...found, minParams, minCombinations }, evidence };
    return { ...basis, status: 'pass', message: 'pass', params: { ...found, names: (best.params_searched ?? []).join(', '), cv: best.cv ?? '?' }, evidence };
  },
});
