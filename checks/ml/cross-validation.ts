import { t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { NO_TRACE, traced, where } from '../support/trace-support.js';
import { round } from './support/rounding.js';
import { mlEvidence, NEEDS } from './support/ml-evidence.js';

interface Options {
  countSearch: boolean;
  minFolds: number;
}

export default defineCheck({
  meta: {
    id: 'ml/cross-validation',
    title: { fr: 'Validation croisée', en: 'Cross-validation' },
    criteria: ['dev-ia-ds:A1.2 C5', 'cdp-ia:A2C8', 'cdp-ia-aivancity:C7.3'],
    evidence: ['trace'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        countSearch: { type: 'boolean', default: true, description: 'a cross-validated search (GridSearchCV) counts as a cross-validation' },
        minFolds: { type: 'integer', minimum: 2, default: 3 },
      },
    },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: 'Validation croisée en {folds} plis avec {how} ({where}){scores}.',
        en: '{folds}-fold cross-validation with {how} ({where}){scores}.',
      },
      tooFew: {
        fr: 'Validation croisée en {folds} plis seulement ({how}, {where}) ; attendu : au moins {minFolds} plis (cv={minFolds} ou plus).',
        en: 'Cross-validation with only {folds} folds ({how}, {where}); expected: at least {minFolds} folds (cv={minFolds} or more).',
      },
      none: {
        fr: "Aucune validation croisée exécutée. Attendu : cross_val_score / cross_validate (ou KFold, StratifiedKFold) sur le jeu d'entraînement, par ex. cross_val_score(model, X_train, y_train, cv=5).",
        en: 'No cross-validation was run. Expected: cross_val_score / cross_validate (or KFold, StratifiedKFold) on the train set, e.g. cross_val_score(model, X_train, y_train, cv=5).',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const got = mlEvidence(ctx, NEEDS.crossValidation);
    if ('skip' in got) return got.skip;
    // Read in the code where the step stopped before this was observed: the verdict says so (run-check.ts).
    const basis = got.static ? { static: got.static } : {};
    const { facts } = got;
    const found: Array<{ how: string; folds: number; event: (typeof facts.cvs)[number] | (typeof facts.splits)[number] | (typeof facts.searches)[number]; mean?: number | null }> = [];
    for (const cv of facts.cvs) found.push({ how: cv.function, folds: cv.cv?.n_splits ?? 0, event: cv, mean: cv.test_scores?.mean });
    for (const split of facts.splits) if (split.kind === 'cv_splitter') found.push({ how: `${split.splitter}.split`, folds: split.n_splits ?? 0, event: split });
    if (ctx.options.countSearch) for (const search of facts.searches) found.push({ how: search.search, folds: search.cv ?? 0, event: search, mean: search.best_score });
    if (found.length === 0) return { ...basis, status: 'fail', message: 'none' };
    const evidence: Evidence[] = found.map((f) => traced(f.how, f.event, { expected: `>= ${ctx.options.minFolds} folds`, actual: f.folds, data: { mean_score: f.mean ?? null } }));
    const best = [...found].sort((a, b) => b.folds - a.folds)[0]!;
    const params = { folds: best.folds, how: best.how, where: where(best.event) };
    if (best.folds < ctx.options.minFolds) return { ...basis, status: 'fail', message: 'tooFew', params: { ...params, minFolds: ctx.options.minFolds }, evidence };
    const scores = typeof best.mean === 'number' ? t(`, score moyen ${round(best.mean)}`, `, mean score ${round(best.mean)}`) : '';
    return { ...basis, status: 'pass', message: 'pass', params: { ...params, scores }, evidence };
  },
});
