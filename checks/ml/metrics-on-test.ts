import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import type { Task } from './support/algorithms.js';
import { metricUses, type MetricUse } from './support/metric-catalog.js';
import { printedText, valueAppearsIn } from './support/printed-values.js';
import { TASK_OPTION } from './support/task-option.js';
import { NO_TRACE, traced } from '../support/trace-support.js';
import { round } from './support/rounding.js';
import { mlEvidence, NEEDS } from './support/ml-evidence.js';

interface Options {
  task: Task;
  metrics?: string[];
  extraMetrics?: string[];
}

const DEFAULTS: Record<Task, { metrics: string[]; extra: string[] }> = {
  regression: { metrics: ['rmse', 'mae', 'mse'], extra: ['r2', 'mape'] },
  classification: { metrics: ['accuracy'], extra: ['precision', 'recall', 'f1', 'confusion_matrix', 'roc_auc'] },
};

/** Data roles as message words (the evidence keeps `train`, `test`…). */
const ROLE: Record<string, Localized> = { train: t('entraînement', 'train'), test: t('test', 'test'), full: t('données complètes', 'full data'), validation: t('validation', 'validation') };

function evidenceOf(use: MetricUse, expected: string): Evidence {
  const event = use.event;
  const fn = event.type === 'metric' ? (typeof event.formula === 'string' ? event.formula : String(event.name)) : `${String(event.estimator)}.score`;
  const n = 'n' in event && typeof event.n === 'number' ? event.n : ((event.x as { rows?: number } | undefined)?.rows ?? null);
  return traced(use.key, use.event, {
    expected,
    actual: use.value === null ? null : round(use.value, 6),
    data: { role: use.role ?? 'unidentified', function: fn, n, ...(use.derived ? { derived: use.derived } : {}) },
  });
}

export default defineCheck({
  meta: {
    id: 'ml/metrics-on-test',
    title: { fr: 'Métriques attendues calculées sur le jeu de test', en: 'Required metrics computed on the test set' },
    criteria: ['cdp-data-ia:C3.4', 'dev-ia-ds:A1.2 C5', 'cdp-ia:A2C8'],
    evidence: ['trace', 'step'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        task: TASK_OPTION,
        metrics: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'required metric keys (rmse, mae, mse, r2, accuracy, precision, recall, f1…); defaults to the task’s list' },
        extraMetrics: { type: 'array', items: { type: 'string' }, description: 'metrics reported when present, never required' },
      },
    },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: 'Métriques calculées sur le jeu de test : {found}. Autres métriques : {extras}.',
        en: 'Metrics computed on the test set: {found}. Other metrics: {extras}.',
      },
      fail: {
        fr: "Métriques attendues non calculées sur le jeu de test : {missing} (calculées seulement sur d'autres données : {elsewhere}). Trouvées sur le test : {found}. Calculez-les sur les prédictions de X_test, par ex. mean_absolute_error(y_test, model.predict(X_test)).",
        en: 'Required metrics not computed on the test set: {missing} (computed on other data only: {elsewhere}). Found on test: {found}. Compute them on the predictions for X_test, e.g. mean_absolute_error(y_test, model.predict(X_test)).',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const got = mlEvidence(ctx, NEEDS.metrics);
    if ('skip' in got) return got.skip;
    // Read in the code where the step stopped before this was observed: the verdict says so (run-check.ts).
    const basis = got.static ? { static: got.static } : {};
    const required = ctx.options.metrics ?? DEFAULTS[ctx.options.task].metrics;
    const extra = ctx.options.extraMetrics ?? DEFAULTS[ctx.options.task].extra;
    const uses = metricUses(got.trace);
    const printed = printedText(ctx.steps);
    const evidence: Evidence[] = [];
    const found: string[] = [];
    const missing: string[] = [];
    const elsewhere: Localized[] = [];
    for (const key of required) {
      let onTest = uses.find((u) => u.key === key && u.role === 'test');
      if (!onTest && key === 'rmse') {
        // RMSE computed as the root of an MSE in a later line: its value shows up in what was printed.
        const mse = uses.find((u) => u.key === 'mse' && u.role === 'test' && u.value !== null && valueAppearsIn(printed, Math.sqrt(u.value)));
        if (mse) onTest = { ...mse, key: 'rmse', value: Math.sqrt(mse.value!), derived: 'sqrt' };
      }
      if (onTest) {
        found.push(key);
        evidence.push(evidenceOf(onTest, 'test'));
        continue;
      }
      const other = uses.find((u) => u.key === key);
      if (other) {
        const role = ROLE[other.role ?? ''] ?? t('non identifié', 'unidentified');
        elsewhere.push(t(`${key} (${role.fr})`, `${key} (${role.en})`));
        evidence.push(evidenceOf(other, 'test'));
      } else {
        evidence.push({ kind: 'trace', subject: key, expected: 'test', actual: 'not computed' });
      }
      missing.push(key);
    }
    const extras = extra.filter((key) => uses.some((u) => u.key === key && u.role === 'test'));
    for (const key of extras) evidence.push(evidenceOf(uses.find((u) => u.key === key && u.role === 'test')!, 'test'));
    const computed = found.join(', ') || '-';
    if (missing.length > 0) return { ...basis, status: 'fail', score: found.length / required.length, message: 'fail', params: { found: computed, missing: missing.join(', '), elsewhere: joinLocalized(elsewhere, ', ', '-') }, evidence };
    return { ...basis, status: 'pass', message: 'pass', params: { found: computed, extras: extras.join(', ') || '-' }, evidence };
  },
});
