import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { ALGORITHMS } from './support/algorithms.js';
import { metricUses, type MetricUse } from './support/metric-catalog.js';
import { reportedMetrics, type ReportedMetric } from './support/reported-metrics.js';
import { factsOrSkip, NO_TRACE, traced } from '../support/trace-support.js';
import { round } from './support/rounding.js';
import { mlFacts } from './support/ml-facts.js';

interface Options {
  file?: string;
  tolerance: number;
  absTolerance: number;
}

/** Scores people write as percentages (87 for 0.87). */
const FRACTION_METRICS = new Set(['accuracy', 'precision', 'recall', 'f1', 'r2', 'roc_auc', 'balanced_accuracy']);

function matches(reported: ReportedMetric, traced: number, options: Options): boolean {
  const close = (a: number) => Math.abs(a - traced) <= Math.max(options.absTolerance, options.tolerance * Math.abs(traced));
  return close(reported.value) || (FRACTION_METRICS.has(reported.key) && close(reported.value / 100));
}

/** Traced values a claim is compared with: same metric, same role, and the named algorithm's when known. */
function candidatesFor(claim: ReportedMetric, uses: readonly MetricUse[]): MetricUse[] {
  const same = uses.filter((u) => u.key === claim.key && u.value !== null);
  const byRole = same.filter((u) => (u.role ?? 'test') === claim.role);
  const pool = byRole.length > 0 ? byRole : same;
  const classes = claim.algorithm ? ALGORITHMS[claim.algorithm]?.classes : undefined;
  const byModel = classes ? pool.filter((u) => u.model && classes.includes(u.model.algorithm)) : [];
  return byModel.length > 0 ? byModel : pool;
}

export default defineCheck({
  meta: {
    id: 'ml/metrics-reported',
    title: { fr: 'Les métriques annoncées sont celles obtenues', en: 'Reported metrics match the run' },
    criteria: ['cdp-data-ia:C3.4', 'dev-ia-ds:A1.2 C5', 'cdp-ia:A2C8'],
    evidence: ['trace', 'artifact'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        file: { type: 'string', minLength: 1, description: 'metrics file in the workspace; defaults to mspr.yaml outputs.metrics, then metrics.json' },
        tolerance: { type: 'number', minimum: 0, default: 0.01, description: 'relative tolerance (0.01 = 1 %)' },
        absTolerance: { type: 'number', minimum: 0, default: 1e-6 },
      },
    },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: "Les {count} métrique(s) de {file} correspondent aux valeurs calculées pendant l'exécution (tolérance {tolerancePct} %).",
        en: 'The {count} metric(s) in {file} match the values computed during the run (tolerance {tolerancePct} %).',
      },
      mismatch: {
        fr: "{file} annonce des valeurs que l'exécution n'a pas produites : {list}. Attendu : les valeurs calculées par le code (tolérance {tolerancePct} %). Écrivez le fichier depuis le code, à partir des valeurs calculées, au lieu de le remplir à la main.",
        en: '{file} reports values the run did not produce: {list}. Expected: the values the code computed (tolerance {tolerancePct} %). Write the file from the code, from the computed values, instead of filling it by hand.',
      },
      unverified: {
        fr: "{file} annonce des métriques que l'exécution n'a jamais calculées avec sklearn : {list}. Impossible de les vérifier ; calculez-les avec sklearn.metrics.",
        en: '{file} reports metrics the run never computed with sklearn: {list}. They cannot be verified; compute them with sklearn.metrics.',
      },
      noMetrics: {
        fr: '{file} ne contient aucune métrique reconnue (clés attendues : rmse, mae, mse, r2, accuracy, f1…).',
        en: '{file} holds no recognised metric (expected keys: rmse, mae, mse, r2, accuracy, f1…).',
      },
      invalid: {
        fr: "{file} n'est pas un JSON valide : {error}.",
        en: '{file} is not valid JSON: {error}.',
      },
      noFile: {
        fr: "Aucun fichier de métriques ({file}) : rien à comparer. Déclarez-le dans mspr.yaml (outputs: {metrics: chemin}) ou écrivez metrics.json depuis le code.",
        en: 'No metrics file ({file}): nothing to compare. Declare it in mspr.yaml (outputs: {metrics: path}) or write metrics.json from the code.',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const file = ctx.options.file ?? ctx.manifest?.outputs?.metrics ?? 'metrics.json';
    const tolerancePct = round(ctx.options.tolerance * 100, 2);
    if (!ctx.workspace.exists(file)) return { status: 'skip', message: 'noFile', params: { file } };
    const got = factsOrSkip(ctx, mlFacts);
    if ('skip' in got) return got.skip;
    // Read outside the try: a refused file (a link out, a FIFO, over the cap) is an `error` saying why, not "invalid JSON".
    const text = ctx.workspace.readText(file);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { status: 'fail', message: 'invalid', params: { file, error: `"${(error as Error).message}"` }, evidence: [{ kind: 'artifact', subject: file, location: { file } }] };
    }
    const claims = reportedMetrics(json);
    if (claims.length === 0) return { status: 'warn', message: 'noMetrics', params: { file }, evidence: [{ kind: 'artifact', subject: file, location: { file } }] };
    const uses = metricUses(ctx.trace);
    const evidence: Evidence[] = [];
    const wrong: Localized[] = [];
    const unverified: string[] = [];
    for (const claim of claims) {
      const pool = candidatesFor(claim, uses);
      const hit = pool.find((u) => matches(claim, u.value!, ctx.options));
      const shown = hit ?? pool[0];
      if (!shown) unverified.push(`${claim.path} = ${claim.value}`);
      else if (!hit) wrong.push(t(`${claim.path} = ${claim.value} (exécution : ${round(shown.value!, 4)})`, `${claim.path} = ${claim.value} (run: ${round(shown.value!, 4)})`));
      evidence.push({ kind: 'artifact', subject: `${file}: ${claim.path}`, location: { file }, expected: shown ? round(shown.value!, 6) : 'computed in the run', actual: claim.value });
      if (shown) evidence.push(traced(`${claim.key} (${shown.role ?? 'unidentified'})`, shown.event, { actual: round(shown.value!, 6), data: { claim: claim.path, matches: Boolean(hit) } }));
    }
    if (wrong.length > 0) return { status: 'fail', message: 'mismatch', params: { file, list: joinLocalized(wrong, '; '), tolerancePct }, evidence };
    if (unverified.length > 0) return { status: 'warn', message: 'unverified', params: { file, list: unverified.join('; ') }, evidence };
    return { status: 'pass', message: 'pass', params: { file, count: claims.length, tolerancePct }, evidence };
  },
});
