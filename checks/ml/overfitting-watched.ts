import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { metricUses, type MetricUse } from './support/metric-catalog.js';
import { NO_TRACE, traced, where } from '../support/trace-support.js';
import { round } from './support/rounding.js';
import { mlEvidence, NEEDS } from './support/ml-evidence.js';

/** Metric uses on train and on test with the same key (and the same model when the trace links them). */
function pairs(uses: readonly MetricUse[]): Array<{ train: MetricUse; test: MetricUse }> {
  const found: Array<{ train: MetricUse; test: MetricUse }> = [];
  for (const train of uses.filter((u) => u.role === 'train')) {
    const test = uses.find((u) => u.role === 'test' && u.key === train.key && (!train.model || !u.model || u.model === train.model));
    if (test) found.push({ train, test });
  }
  return found;
}

export default defineCheck({
  meta: {
    id: 'ml/overfitting-watched',
    title: { fr: 'Surapprentissage surveillé (scores entraînement et test)', en: 'Overfitting watched (train and test scores)' },
    criteria: ['cdp-ia-aivancity:C4.3'],
    evidence: ['trace'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: '{metric} calculé sur l’entraînement ({train}) et sur le test ({test}) : écart {gap} visible ({where}).',
        en: '{metric} computed on train ({train}) and on test ({test}): gap {gap} visible ({where}).',
      },
      staticPairs: {
        fr: '{metric} calculé sur l’entraînement ({trainWhere}) et sur le test ({where}) : l’écart se lira une fois le code exécuté.',
        en: '{metric} computed on train ({trainWhere}) and on test ({where}): the gap will show once the code runs.',
      },
      curves: {
        fr: 'Scores d’entraînement et de validation calculés ensemble par {how} ({where}).',
        en: 'Train and validation scores computed together by {how} ({where}).',
      },
      fail: {
        fr: "Aucune paire de scores entraînement / test pour une même métrique : le surapprentissage n'est pas mesurable. Calculez la même métrique sur X_train et X_test (ou cross_validate(..., return_train_score=True), learning_curve).",
        en: 'No pair of train / test scores for the same metric: overfitting cannot be measured. Compute the same metric on X_train and X_test (or cross_validate(..., return_train_score=True), learning_curve).',
      },
    },
  },
  run(ctx) {
    const got = mlEvidence(ctx, NEEDS.overfitting);
    if ('skip' in got) return got.skip;
    // Read in the code where the step stopped before this was observed: the verdict says so (run-check.ts).
    const basis = got.static ? { static: got.static } : {};
    const { facts } = got;
    const uses = metricUses(got.trace);
    const found = pairs(uses);
    if (found.length > 0) {
      const evidence: Evidence[] = found.flatMap(({ train, test }) => [
        traced(`${train.key} (train)`, train.event, { actual: train.value === null ? null : round(train.value, 6), data: { role: 'train' } }),
        traced(`${test.key} (test)`, test.event, { actual: test.value === null ? null : round(test.value, 6), data: { role: 'test' } }),
      ]);
      const { train, test } = found[0]!;
      const gap = train.value !== null && test.value !== null ? round(Math.abs(train.value - test.value)) : '?';
      const params = { metric: train.key, train: train.value === null ? '?' : round(train.value), test: test.value === null ? '?' : round(test.value), gap, where: where(test.event) };
      if (got.static) return { ...basis, status: 'pass', message: 'staticPairs', params: { metric: train.key, trainWhere: where(train.event), where: where(test.event) }, evidence };
      return { ...basis, status: 'pass', message: 'pass', params, evidence };
    }
    const curve = facts.cvs.find((cv) => cv.train_scores && cv.test_scores) ?? facts.searches.find((s) => s.train_scores_recorded);
    if (curve) {
      const how = curve.type === 'cv' ? String(curve.function) : `${String(curve.search)}(return_train_score=True)`;
      return { ...basis, status: 'pass', message: 'curves', params: { how, where: where(curve) }, evidence: [traced(how, curve, { expected: 'train + test', actual: 'train + test', data: { train_scores: (curve.train_scores as object | undefined) ?? null, test_scores: (curve.test_scores as object | undefined) ?? null } })] };
    }
    // What was scored, each with the data it was scored on: the pair the check looked for is missing.
    const evidence = uses.map((use) => traced(use.key, use.event, { expected: 'train + test', actual: use.role ?? null, data: { value: use.value === null ? null : round(use.value, 6) } }));
    return { ...basis, status: 'fail', message: 'fail', evidence };
  },
});
