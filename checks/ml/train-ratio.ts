import { type CheckContext, type CheckOutcome, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import type { StaticBasis } from '../support/static-basis.js';
import { trainShare } from './support/train-share.js';
import { NO_TRACE, traced, where } from '../support/trace-support.js';
import { round } from './support/rounding.js';
import { callText, mlEvidence, NEEDS } from './support/ml-evidence.js';
import type { MlFacts } from './support/ml-facts.js';
import { staticTrainShare } from './support/static-train-share.js';

interface Options {
  minTrainRatio: number;
}

export default defineCheck({
  meta: {
    id: 'ml/train-ratio',
    title: { fr: "Part du jeu d'entraînement ≥ 70 %", en: 'Train share ≥ 70 %' },
    criteria: ['cdp-data-ia:C3.2'],
    evidence: ['trace'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minTrainRatio: { type: 'number', exclusiveMinimum: 0, maximum: 1, default: 0.7, description: 'minimum train rows / (train + test rows)' },
      },
    },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: "Part d'entraînement {ratio} ({train} lignes d'entraînement, {test} de test, mesurée sur {how}, {where}) : au moins {min} comme attendu.",
        en: 'Train share {ratio} ({train} train rows, {test} test rows, measured on {how}, {where}): at least {min} as expected.',
      },
      tooSmall: {
        fr: "Part d'entraînement {ratio} ({train} lignes d'entraînement, {test} de test, mesurée sur {how}, {where}), inférieure au minimum attendu {min}. Gardez au moins {minPct} % des lignes pour l'entraînement (par exemple test_size=0.3 ou 0.2 dans train_test_split).",
        en: 'Train share {ratio} ({train} train rows, {test} test rows, measured on {how}, {where}) is below the expected minimum {min}. Keep at least {minPct} % of the rows for training (e.g. test_size=0.3 or 0.2 in train_test_split).',
      },
      staticShare: {
        fr: "{call} ({where}) donne {pct} % des lignes à l'entraînement : au moins {minPct} % comme attendu.",
        en: '{call} ({where}) gives {pct} % of the rows to training: at least {minPct} % as expected.',
      },
      staticTooSmall: {
        fr: "{call} ({where}) ne donne que {pct} % des lignes à l'entraînement, moins que les {minPct} % attendus. Gardez au moins {minPct} % des lignes pour l'entraînement (par exemple test_size=0.3 ou 0.2).",
        en: '{call} ({where}) gives only {pct} % of the rows to training, less than the expected {minPct} %. Keep at least {minPct} % of the rows for training (e.g. test_size=0.3 or 0.2).',
      },
      staticUnresolved: {
        fr: "{call} ({where}) prend sa taille d'une valeur que seul le code exécuté connaît. Attendu : au moins {minPct} % des lignes pour l'entraînement. Faites tourner le code, ou écrivez la taille en constante (TEST_SIZE = 0.2).",
        en: '{call} ({where}) takes its size from a value only the running code knows. Expected: at least {minPct} % of the rows for training. Run the code, or write the size as a constant (TEST_SIZE = 0.2).',
      },
      staticCounts: {
        fr: "{call} ({where}) donne des nombres de lignes, et le nombre total de lignes n'est connu qu'à l'exécution. Attendu : au moins {minPct} % des lignes pour l'entraînement. Faites tourner le code pour mesurer la part.",
        en: '{call} ({where}) gives row counts, and the total number of rows is known only when the code runs. Expected: at least {minPct} % of the rows for training. Run the code to measure the share.',
      },
      staticNoSplit: {
        fr: "Le code sépare l'entraînement et le test sans train_test_split (sur une colonne ou un index) : la part dépend de nombres de lignes connus seulement à l'exécution. Attendu : au moins {minPct} % des lignes pour l'entraînement. Faites tourner le code pour mesurer la part.",
        en: 'The code separates train and test data without train_test_split (on a column or an index): the share depends on row counts known only when the code runs. Expected: at least {minPct} % of the rows for training. Run the code to measure the share.',
      },
      none: {
        fr: "Part d'entraînement non mesurable : aucun jeu de test n'a été construit ni utilisé. Attendu : au moins {minPct} % des lignes pour l'entraînement, le reste pour le test. Voir ml/train-test-split.",
        en: 'Train share cannot be measured: no test set was built or used. Expected: at least {minPct} % of the rows for training, the rest for testing. See ml/train-test-split.',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const got = mlEvidence(ctx, NEEDS.split);
    if ('skip' in got) return got.skip;
    const min = ctx.options.minTrainRatio;
    const minPct = round(min * 100, 1);
    if (got.static) return readInCode(got.facts, got.static, min, minPct);
    const share = trainShare(got.facts);
    if (!share) return { status: 'fail', message: 'none', params: { minPct }, evidence: [{ kind: 'trace', subject: 'train share', expected: `>= ${min}`, actual: null }] };
    // Neutral technical terms, so one parameter reads right in both languages.
    const how = share.measuredOn === 'models' ? 'fit/predict' : 'train_test_split';
    const evidence: Evidence[] = share.events.map((event) =>
      traced(event.type === 'split' ? 'train_test_split' : `${String(event.estimator)}.${String(event.method)}`, event, {
        actual: event.type === 'split' ? `${share.train} + ${share.test}` : ((event.x as { rows?: number } | undefined)?.rows ?? null),
        data: event.type === 'fit' || event.type === 'search' ? { role: 'train' } : event.type === 'predict' ? { role: 'test' } : { ratio: share.ratio },
      }),
    );
    if (share.split && share.measuredOn === 'models') evidence.push(traced('train_test_split', share.split, { data: { ratio: share.split.ratio ?? null, test_size: share.split.test_size ?? null } }));
    evidence.push({ kind: 'trace', subject: 'train share', expected: `>= ${min}`, actual: round(share.ratio), data: { train: share.train, test: share.test, measuredOn: share.measuredOn } });
    const ok = share.ratio >= min - 1e-9;
    const params = { ratio: round(share.ratio), train: share.train, test: share.test, min, how, where: where(share.events[0]) };
    return ok ? { status: 'pass', message: 'pass', params, evidence } : { status: 'fail', message: 'tooSmall', params: { ...params, minPct }, evidence };
  },
});

/** The share a train_test_split read in the code gives (no rows: they exist only when run), or why it cannot be told. */
function readInCode(facts: MlFacts, basis: StaticBasis, min: number, minPct: number): CheckOutcome<'staticNoSplit' | 'staticCounts' | 'staticUnresolved' | 'staticShare' | 'staticTooSmall'> {
  const share = staticTrainShare(facts);
  if (!share.split) return { status: 'error', message: 'staticNoSplit', params: { minPct }, evidence: [{ kind: 'trace', subject: 'train share', expected: `>= ${min}`, actual: null }], static: basis };
  const call = callText('train_test_split', share.split, ['test_size', 'train_size']);
  const params = { call, where: where(share.split), minPct };
  const found = traced('train_test_split', share.split, { actual: call, data: { test_size: share.split.test_size ?? null, train_size: share.split.train_size ?? null, unresolved: share.split.unresolved ?? null } });
  if ('unknown' in share) return { status: 'error', message: share.unknown === 'counts' ? 'staticCounts' : 'staticUnresolved', params, evidence: [found], static: basis };
  const ok = share.ratio >= min - 1e-9;
  const evidence: Evidence[] = [found, { kind: 'trace', subject: 'train share', expected: `>= ${min}`, actual: round(share.ratio), data: { measuredOn: 'code' } }];
  return { status: ok ? 'pass' : 'fail', message: ok ? 'staticShare' : 'staticTooSmall', params: { ...params, pct: round(share.ratio * 100, 1) }, evidence, static: basis };
}
