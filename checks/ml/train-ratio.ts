import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { trainShare } from './support/train-share.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';
import { round } from './support/rounding.js';
import { mlFacts } from './support/ml-facts.js';

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
      none: {
        fr: "Part d'entraînement non mesurable : aucun jeu de test n'a été construit ni utilisé. Attendu : au moins {minPct} % des lignes pour l'entraînement, le reste pour le test. Voir ml/train-test-split.",
        en: 'Train share cannot be measured: no test set was built or used. Expected: at least {minPct} % of the rows for training, the rest for testing. See ml/train-test-split.',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const got = factsOrSkip(ctx, mlFacts);
    if ('skip' in got) return got.skip;
    const min = ctx.options.minTrainRatio;
    const minPct = round(min * 100, 1);
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
