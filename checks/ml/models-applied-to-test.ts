import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { applicationsOn } from './support/models.js';
import { NO_TRACE, traced } from '../support/trace-support.js';
import { mlEvidence, NEEDS } from './support/ml-evidence.js';

export default defineCheck({
  meta: {
    id: 'ml/models-applied-to-test',
    title: { fr: 'Chaque modèle entraîné est appliqué au jeu de test', en: 'Each fitted model is applied to the test set' },
    criteria: ['cdp-data-ia:C3.3'],
    evidence: ['trace'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: '{count|L’algorithme entraîné est appliqué|Les {count} algorithmes entraînés sont appliqués} au jeu de test : {applied}.',
        en: '{count|The fitted algorithm is applied|All {count} fitted algorithms are applied} to the test set: {applied}.',
      },
      fail: {
        fr: "Modèles entraînés jamais appliqués au jeu de test : {missing}. Appliqués : {applied}. Attendu : chaque modèle prédit sur X_test (model.predict(X_test) ou model.score(X_test, y_test)).",
        en: 'Fitted models never applied to the test set: {missing}. Applied: {applied}. Expected: every model predicts on X_test (model.predict(X_test) or model.score(X_test, y_test)).',
      },
      none: {
        fr: "Aucun modèle supervisé entraîné : rien à appliquer au jeu de test. Voir ml/algorithms-fitted.",
        en: 'No supervised model was trained: nothing to apply to the test set. See ml/algorithms-fitted.',
      },
    },
  },
  run(ctx) {
    const got = mlEvidence(ctx, NEEDS.applied);
    if ('skip' in got) return got.skip;
    // Read in the code where the step stopped before this was observed: the verdict says so (run-check.ts).
    const basis = got.static ? { static: got.static } : {};
    const { facts } = got;
    if (facts.models.length === 0) return { ...basis, status: 'fail', message: 'none' };
    // One entry per algorithm: a model refitted in a loop or a CV fold is the same algorithm.
    const algorithms = [...new Set(facts.models.map((m) => m.algorithm))];
    const evidence: Evidence[] = [];
    const applied: string[] = [];
    const missing: string[] = [];
    for (const algorithm of algorithms) {
      const models = facts.models.filter((m) => m.algorithm === algorithm);
      const hit = models.map((m) => ({ model: m, onTest: applicationsOn(m, facts.roles, 'test')[0] })).find((x) => x.onTest);
      if (hit?.onTest) {
        applied.push(algorithm);
        evidence.push(traced(`${algorithm}.${hit.onTest.method}`, hit.onTest, { expected: 'test', actual: 'test', data: { rows: hit.onTest.x?.rows ?? null } }));
      } else {
        missing.push(algorithm);
        const model = models[0]!;
        const roles = [...new Set(model.applications.map((a) => facts.roles.roleOf(a.x) ?? 'unidentified'))];
        evidence.push(traced(`${algorithm}.fit`, model.fit, { expected: 'test', actual: roles.length ? `applied to ${roles.join(', ')} data` : 'never applied', data: { applications: model.applications.length } }));
      }
    }
    const listed = applied.join(', ') || '-';
    if (missing.length > 0) return { ...basis, status: 'fail', score: applied.length / algorithms.length, message: 'fail', params: { applied: listed, missing: missing.join(', ') }, evidence };
    return { ...basis, status: 'pass', message: 'pass', params: { applied: listed, count: algorithms.length }, evidence };
  },
});
