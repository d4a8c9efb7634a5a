import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { DEFAULT_ALGORITHMS, resolveAlgorithms, type Task } from './support/algorithms.js';
import { TASK_OPTION } from './support/task-option.js';
import { NO_TRACE, traced } from '../support/trace-support.js';
import { mlEvidence, NEEDS } from './support/ml-evidence.js';

interface Options {
  task: Task;
  algorithms?: string[];
}

export default defineCheck({
  meta: {
    id: 'ml/algorithms-fitted',
    title: { fr: "Algorithmes attendus entraînés sur le jeu d'entraînement", en: 'Required algorithms fitted on the train set' },
    criteria: ['cdp-data-ia:C3.3'],
    evidence: ['trace'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        task: TASK_OPTION,
        algorithms: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', minLength: 1 },
          description: 'algorithm keys (lasso, ridge, elasticnet, knn, random_forest, decision_tree, logistic_regression, linear_regression, gradient_boosting, svm) or estimator class names; defaults to the task’s list',
        },
      },
    },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: "Les {count} algorithmes attendus sont entraînés sur le jeu d'entraînement : {found}.",
        en: 'All {count} required algorithms are fitted on the train set: {found}.',
      },
      fail: {
        fr: "Algorithmes attendus absents : {missing} ; entraînés sur d'autres données que le jeu d'entraînement : {notOnTrain}. Trouvés sur le jeu d'entraînement : {found}. Attendu : {expected}. Entraînez chacun avec .fit(X_train, y_train) (directement, dans un Pipeline ou via GridSearchCV).",
        en: 'Required algorithms missing: {missing}; fitted on data other than the train set: {notOnTrain}. Found on the train set: {found}. Expected: {expected}. Fit each with .fit(X_train, y_train) (directly, in a Pipeline or through GridSearchCV).',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const got = mlEvidence(ctx, NEEDS.models);
    if ('skip' in got) return got.skip;
    // Read in the code where the step stopped before this was observed: the verdict says so (run-check.ts).
    const basis = got.static ? { static: got.static } : {};
    const { facts } = got;
    const algorithms = resolveAlgorithms(ctx.options.algorithms ?? DEFAULT_ALGORITHMS[ctx.options.task]);
    const evidence: Evidence[] = [];
    const found: string[] = [];
    const missing: string[] = [];
    const notOnTrain: string[] = [];
    for (const algorithm of algorithms) {
      const models = facts.models.filter((m) => algorithm.classes.includes(m.algorithm));
      const onTrain = models.find((m) => m.trainRole === 'train');
      const shown = onTrain ?? models[0];
      if (onTrain) found.push(algorithm.name);
      else (models.length > 0 ? notOnTrain : missing).push(algorithm.name);
      evidence.push(
        shown
          ? traced(algorithm.name, shown.fit, {
              expected: 'fitted on train',
              actual: onTrain ? 'fitted on train' : `fitted on ${facts.roles.roleOf(shown.train) ?? 'unidentified'} data`,
              data: { class: shown.algorithm, wrapper: shown.wrapper ?? null, rows: shown.train?.rows ?? null, cols: shown.train?.cols ?? null },
            })
          : { kind: 'trace', subject: algorithm.name, expected: 'fitted on train', actual: 'not fitted', data: { classes: algorithm.classes } },
      );
    }
    const listed = { found: found.join(', ') || '-' };
    const score = found.length / algorithms.length;
    if (missing.length + notOnTrain.length > 0) {
      const params = { ...listed, missing: missing.join(', ') || '-', notOnTrain: notOnTrain.join(', ') || '-', expected: algorithms.map((a) => a.name).join(', ') };
      return { ...basis, status: 'fail', score, message: 'fail', params, evidence };
    }
    return { ...basis, status: 'pass', message: 'pass', params: { ...listed, count: algorithms.length }, evidence };
  },
});
