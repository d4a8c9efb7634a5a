import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';
import { mlFacts } from './support/ml-facts.js';
import { NEEDS, needsRun, STATIC_NEEDS_RUN } from './support/ml-evidence.js';

export default defineCheck({
  meta: {
    id: 'ml/observations-gt-variables',
    title: { fr: "Plus d'observations que de variables", en: 'More observations than variables' },
    criteria: ['cdp-data-ia:C3.1'],
    evidence: ['trace'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      ...STATIC_NEEDS_RUN,
      pass: {
        fr: "{count|Le modèle entraîné a|Les {count} modèles entraînés ont} plus d'observations que de variables (ex. {rows} lignes pour {cols} colonnes, {where}).",
        en: '{count|The trained model has|The {count} trained models have} more observations than variables (e.g. {rows} rows for {cols} columns, {where}).',
      },
      fail: {
        fr: "Matrice d'entraînement avec {rows} lignes pour {cols} variables ({model}, {where}) : il faut plus d'observations que de variables. Réduisez le nombre de variables (sélection, ACP) ou entraînez sur plus de lignes.",
        en: 'Training matrix with {rows} rows for {cols} variables ({model}, {where}): there must be more observations than variables. Reduce the variables (selection, PCA) or train on more rows.',
      },
      none: {
        fr: "Aucun modèle supervisé entraîné (aucun fit avec une cible) : impossible de comparer observations et variables. Entraînez au moins un modèle avec model.fit(X_train, y_train).",
        en: 'No supervised model was trained (no fit with a target): observations and variables cannot be compared. Train at least one model with model.fit(X_train, y_train).',
      },
    },
  },
  run(ctx) {
    const unread = needsRun(ctx, NEEDS.models);
    if (unread) return unread;
    const got = factsOrSkip(ctx, mlFacts);
    if ('skip' in got) return got.skip;
    const models = got.facts.models.filter((m) => typeof m.train?.rows === 'number');
    if (models.length === 0) return { status: 'fail', message: 'none' };
    const evidence: Evidence[] = models.map((model) =>
      traced(`${model.algorithm}.fit`, model.fit, {
        expected: 'rows > columns',
        actual: `${model.train?.rows} x ${model.train?.cols ?? 1}`,
        data: { rows: model.train?.rows, cols: model.train?.cols ?? 1 },
      }),
    );
    const bad = models.find((m) => (m.train?.rows ?? 0) <= (m.train?.cols ?? 1));
    const shown = bad ?? models[0]!;
    const params = { rows: shown.train?.rows, cols: shown.train?.cols ?? 1, where: where(shown.fit) };
    return bad ? { status: 'fail', message: 'fail', params: { ...params, model: shown.algorithm }, evidence } : { status: 'pass', message: 'pass', params: { ...params, count: models.length }, evidence };
  },
});
