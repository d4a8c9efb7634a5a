import { type CheckOutcome, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import type { PredictEvent, SplitEvent } from '../../runner/tracer/trace-event-types.js';
import type { StaticBasis } from '../support/static-basis.js';
import { applicationsOn, type TracedModel } from './support/models.js';
import { NO_TRACE, traced, where } from '../support/trace-support.js';
import { callText, mlEvidence, NEEDS } from './support/ml-evidence.js';

export default defineCheck({
  meta: {
    id: 'ml/train-test-split',
    title: { fr: "Jeux d'entraînement et de test construits", en: 'Train and test sets built' },
    criteria: ['cdp-data-ia:C3.2'],
    evidence: ['trace'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: "Jeu d'entraînement ({train} lignes) et jeu de test ({test} lignes) construits avec train_test_split ({where}).",
        en: 'Train set ({train} rows) and test set ({test} rows) built with train_test_split ({where}).',
      },
      manual: {
        fr: "Découpage manuel : le modèle {model} est entraîné sur {train} lignes ({where}) et appliqué à {test} autres lignes. Accepté comme jeu de test.",
        en: 'Manual split: model {model} is trained on {train} rows ({where}) and applied to {test} other rows. Accepted as a test set.',
      },
      staticSplit: {
        fr: "{call} ({where}) sépare un jeu d'entraînement et un jeu de test.",
        en: '{call} ({where}) separates a train set and a test set.',
      },
      staticManual: {
        fr: "Découpage manuel : le modèle {model} est entraîné sur {train} ({where}) et appliqué à {test} ({testWhere}). Accepté comme jeu de test.",
        en: 'Manual split: model {model} is trained on {train} ({where}) and applied to {test} ({testWhere}). Accepted as a test set.',
      },
      staticByColumn: {
        fr: "Découpage sur la colonne {column} ({conditions}, {splitWhere}) : le modèle {model} est entraîné sur {train} ({where}) et appliqué à {test} ({testWhere}). Accepté comme jeu de test.",
        en: 'Split on column {column} ({conditions}, {splitWhere}): model {model} is trained on {train} ({where}) and applied to {test} ({testWhere}). Accepted as a test set.',
      },
      none: {
        fr: "Aucun jeu de test trouvé : ni appel à train_test_split, ni modèle appliqué à d'autres données que celles de son entraînement. Attendu : un jeu d'entraînement et un jeu de test distincts. Séparez les données avant l'entraînement (train_test_split de sklearn.model_selection, ou un découpage par année ou par index).",
        en: 'No test set found: no train_test_split call, and no model applied to data other than its training data. Expected: distinct train and test sets. Split the data before training (sklearn.model_selection.train_test_split, or a split by year or by index).',
      },
    },
  },
  run(ctx) {
    const got = mlEvidence(ctx, NEEDS.split);
    if ('skip' in got) return got.skip;
    const { facts } = got;
    const basis = got.static ? { static: got.static } : {};
    if (got.static) {
      const split = facts.splits.find((s) => s.kind === 'train_test_split');
      if (split) {
        const call = callText('train_test_split', split, ['test_size', 'train_size']);
        return { status: 'pass', message: 'staticSplit', params: { call, where: where(split) }, evidence: [traced('train_test_split', split, { expected: 'train + test', actual: call, data: { test_size: split.test_size ?? null, train_size: split.train_size ?? null, stratify: split.stratify ?? false } })], ...basis };
      }
    }
    const split = facts.splits.find((s) => s.kind === 'train_test_split' && s.train_rows && s.test_rows);
    if (split) {
      const evidence: Evidence[] = [
        traced('train_test_split', split, {
          expected: 'train + test',
          actual: `${split.train_rows} + ${split.test_rows}`,
          data: { n_rows: split.n_rows, train_rows: split.train_rows, test_rows: split.test_rows, test_size: split.test_size ?? null, random_state: split.random_state ?? null, stratify: split.stratify ?? false },
        }),
      ];
      return { status: 'pass', message: 'pass', params: { train: split.train_rows, test: split.test_rows, where: where(split) }, evidence };
    }
    for (const model of facts.models) {
      if (model.trainRole !== 'train') continue;
      const onTest = applicationsOn(model, facts.roles, 'test')[0];
      if (!onTest) continue;
      if (got.static) return staticManual(model, onTest, facts.splits.find((s) => s.kind === 'by_column'), got.static);
      const evidence: Evidence[] = [
        traced(`${model.algorithm}.fit`, model.fit, { actual: model.train?.rows ?? null, data: { role: 'train', rows: model.train?.rows, cols: model.train?.cols } }),
        traced(`${model.algorithm}.${onTest.method}`, onTest, { actual: onTest.x?.rows ?? null, data: { role: 'test', rows: onTest.x?.rows } }),
      ];
      return {
        status: 'pass',
        message: 'manual',
        params: { model: model.algorithm, train: model.train?.rows, test: onTest.x?.rows, where: where(model.fit) },
        evidence,
      };
    }
    return { status: 'fail', message: 'none', evidence: [{ kind: 'trace', subject: 'train_test_split', expected: 'train + test', actual: null }], ...basis };
  },
});

/** A model fitted on some data and applied to other data, read in the code (no row counts: they exist only when run). */
function staticManual(model: TracedModel, onTest: PredictEvent, byColumn: SplitEvent | undefined, basis: StaticBasis): CheckOutcome<'staticManual' | 'staticByColumn'> {
  const params = { model: model.algorithm, train: model.train?.expr ?? '?', test: onTest.x?.expr ?? '?', where: where(model.fit), testWhere: where(onTest) };
  const evidence: Evidence[] = [traced(`${model.algorithm}.fit`, model.fit, { actual: params.train, data: { role: 'train' } }), traced(`${model.algorithm}.${onTest.method}`, onTest, { actual: params.test, data: { role: 'test' } })];
  if (!byColumn) return { status: 'pass', message: 'staticManual', params, evidence, static: basis };
  const conditions = Array.isArray(byColumn.conditions) ? byColumn.conditions.map(String).join(' / ') : '?';
  evidence.unshift(traced(`column ${String(byColumn.column)}`, byColumn, { actual: conditions }));
  return { status: 'pass', message: 'staticByColumn', params: { ...params, column: String(byColumn.column), conditions, splitWhere: where(byColumn) }, evidence, static: basis };
}
