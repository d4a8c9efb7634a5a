import { joinLocalized } from '../../runner/i18n.js';
import type { FitEvent } from '../../runner/tracer/trace-event-types.js';
import { type CheckContext, defineCheck } from '../check.js';
import { NO_TRACE, traced, where } from '../support/trace-support.js';
import { mlEvidence } from './support/ml-evidence.js';
import { isSupervisedFit } from './support/models.js';
import { describeTrainings, type Procedure, procedureName, trainingFacts } from './support/training-procedures.js';

interface Options {
  accept: Procedure[];
}

const PROCEDURES: Procedure[] = ['batch', 'mini-batch', 'online'];
const isTraining = (fit: FitEvent) => fit.method === 'partial_fit' || isSupervisedFit(fit);

export default defineCheck({
  meta: {
    id: 'ml/training-procedure',
    title: { fr: 'Procédure d’entraînement identifiable', en: 'Training procedure identifiable' },
    criteria: ['dev-ia-ds:A1.2 C4', 'cdp-ia:A2C7'],
    evidence: ['trace', 'static'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        accept: { type: 'array', items: { enum: PROCEDURES }, minItems: 1, uniqueItems: true, default: PROCEDURES, description: 'the procedures the scenario accepts (all three by default)' },
      },
    },
    messages: {
      ...NO_TRACE,
      pass: { fr: 'Procédure d’entraînement identifiée : {list}.', en: 'Training procedure identified: {list}.' },
      notAccepted: {
        fr: 'Procédure d’entraînement trouvée : {list} ; attendu : {accepted}. Entraînez par exemple par mini-lots avec partial_fit sur des tranches du jeu d’entraînement, ou avec batch_size.',
        en: 'Training procedure found: {list}; expected: {accepted}. Train for instance in mini-batches with partial_fit on chunks of the train set, or with batch_size.',
      },
      none: {
        fr: 'Aucun entraînement de modèle exécuté, donc aucune procédure à identifier. Attendu : un fit (par lot), des partial_fit sur des tranches (mini-lots, en ligne) ou un batch_size.',
        en: 'No model training ran, so there is no procedure to identify. Expected: a fit (batch), partial_fit on chunks (mini-batch, online) or a batch_size.',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const got = mlEvidence(ctx, (event) => event.type === 'fit' && isTraining(event as FitEvent));
    if ('skip' in got) return got.skip;
    const basis = got.static ? { static: got.static } : {};
    const trainings = trainingFacts(got.trace.ofType<FitEvent>('fit').filter(isTraining));
    if (trainings.length === 0) return { ...basis, status: 'fail', message: 'none' };
    const evidence = trainings.map((item) => traced(`${item.estimator}.${item.method}`, item.first, { actual: item.procedure, data: { how: item.how, calls: item.calls, ...(item.rows !== undefined ? { rows: item.rows } : {}) } }));
    const accepted = trainings.filter((item) => ctx.options.accept.includes(item.procedure));
    if (accepted.length === 0) {
      return { ...basis, status: 'fail', message: 'notAccepted', params: { list: describeTrainings(trainings, where), accepted: joinLocalized(ctx.options.accept.map(procedureName), ', ') }, evidence };
    }
    return { ...basis, status: 'pass', message: 'pass', params: { list: describeTrainings(accepted, where) }, evidence };
  },
});
