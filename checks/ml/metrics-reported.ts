import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import type { TraceEvent } from '../../runner/tracer/trace-event.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { ALGORITHMS } from './support/algorithms.js';
import { cvScores, type CvScore } from './support/cv-scores.js';
import { metricUses, type MetricUse } from './support/metric-catalog.js';
import { metricsFiles, type MetricsFile, parseMetricsFile } from './support/metrics-files.js';
import { reportedMetrics, type ReportedMetric } from './support/reported-metrics.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';
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

/** How far a claim is from a computed value, relatively (percentages read as fractions when closer). */
function distance(reported: ReportedMetric, traced: number): number {
  const scale = Math.max(Math.abs(traced), 1e-12);
  const plain = Math.abs(reported.value - traced) / scale;
  return FRACTION_METRICS.has(reported.key) ? Math.min(plain, Math.abs(reported.value / 100 - traced) / scale) : plain;
}

/** The computed value a claim that matches nothing of its kind actually is: the closest within tolerance, the named model's first. */
function actualValue(claim: ReportedMetric, computed: readonly Computed[], options: Options): Computed | undefined {
  const classes = claim.algorithm ? ALGORITHMS[claim.algorithm]?.classes : undefined;
  const ofModel = (c: Computed) => (classes ? classes.includes((c.role === 'cv' ? c.algorithm : c.model?.algorithm) ?? '') : false);
  const close = computed.filter((c) => c.value !== null && matches(claim, c.value, options));
  close.sort((a, b) => Number(ofModel(b)) - Number(ofModel(a)) || distance(claim, a.value!) - distance(claim, b.value!));
  return close[0];
}

/** A value the run computed that a claim may be: a metric call, a score, a cross-validation score. */
type Computed = MetricUse | CvScore;

/** Traced values a claim is compared with: same metric, same role (cv claims: the folds' scores), the named algorithm's when known. */
function candidatesFor(claim: ReportedMetric, uses: readonly MetricUse[], cv: readonly CvScore[]): Computed[] {
  const classes = claim.algorithm ? ALGORITHMS[claim.algorithm]?.classes : undefined;
  if (claim.role === 'cv') {
    const side = claim.trainSide ? 'train' : 'test';
    const scores = cv.filter((s) => s.key === claim.key && s.side === side && (claim.spread ? s.statistic === 'std' : s.statistic !== 'std'));
    const byModel = classes ? scores.filter((s) => classes.includes(s.algorithm ?? '')) : [];
    if (scores.length > 0) return byModel.length > 0 ? byModel : scores;
  }
  const same = uses.filter((u) => u.key === claim.key && u.value !== null);
  const byRole = same.filter((u) => (u.role ?? 'test') === (claim.role === 'cv' ? 'test' : claim.role));
  const pool = byRole.length > 0 ? byRole : same;
  const byModel = classes ? pool.filter((u) => u.model && classes.includes(u.model.algorithm)) : [];
  return byModel.length > 0 ? byModel : pool;
}

/** The data a metric was computed on, named for a jury (the evidence keeps the tracer's `train`, `test`…). */
const ROLE: Record<string, Localized> = { train: t('entraînement', 'train'), test: t('test', 'test'), full: t('données complètes', 'full data'), validation: t('validation', 'validation') };
const STATISTIC: Record<string, Localized> = { mean: t('moyenne', 'mean'), std: t('écart-type', 'std'), fold: t('pli', 'fold'), best: t('meilleur score', 'best score') };

/** What a computed value is, for a jury: `rmse (train) model.py:52`, `rmse (cross-validation mean) train.py:40`. */
function describe(value: Computed): Localized {
  const at = (role: string) => `${value.key} (${role}) ${where(value.event)}`;
  if (value.role === 'cv') {
    const cv = value as CvScore;
    const statistic = STATISTIC[cv.statistic] ?? t(cv.statistic, cv.statistic);
    const train = cv.side === 'train';
    return t(at(`validation croisée, ${statistic.fr}${train ? ', entraînement' : ''}`), at(`cross-validation ${statistic.en}${train ? ', train' : ''}`));
  }
  const role = ROLE[value.role ?? ''] ?? t('non identifié', 'unidentified');
  return t(at(role.fr), at(role.en));
}

/** The traced events of the script that wrote the file (same process and step); all of them when unknown or empty. */
function ofWriter<T extends { event: TraceEvent }>(items: readonly T[], file: MetricsFile): readonly T[] {
  const writer = file.writer;
  if (!writer) return items;
  const own = items.filter((item) => item.event.pid === writer.pid && item.event.step === writer.step);
  return own.length > 0 ? own : items;
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
        file: { type: 'string', minLength: 1, description: 'metrics file in the workspace (JSON, CSV or YAML); defaults to mspr.yaml outputs.metrics, then every results file the code wrote and metrics.json' },
        tolerance: { type: 'number', minimum: 0, default: 0.01, description: 'relative tolerance (0.01 = 1 %)' },
        absTolerance: { type: 'number', minimum: 0, default: 1e-6 },
      },
    },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: "{count|La métrique de {file} correspond|Les {count} métriques de {file} correspondent} aux valeurs calculées pendant l'exécution (tolérance {tolerancePct} %).",
        en: '{count|The metric in {file} matches|The {count} metrics in {file} match} the values computed during the run (tolerance {tolerancePct} %).',
      },
      mismatch: {
        fr: "{file} annonce des valeurs que l'exécution n'a pas produites : {list}. Attendu : les valeurs calculées par le code (tolérance {tolerancePct} %). Écrivez le fichier depuis le code, à partir des valeurs calculées, au lieu de le remplir à la main.",
        en: '{file} reports values the run did not produce: {list}. Expected: the values the code computed (tolerance {tolerancePct} %). Write the file from the code, from the computed values, instead of filling it by hand.',
      },
      mislabelled: {
        fr: '{file} annonce des valeurs de l’exécution sous un autre nom : {list}. Attendu : chaque valeur nommée d’après ce qu’elle mesure (jeu de test, d’entraînement, validation croisée) et d’après le modèle qui l’a obtenue.',
        en: '{file} reports values of the run under another name: {list}. Expected: each value named after what it measures (test set, train set, cross-validation) and the model that got it.',
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
        fr: '{file} est illisible ({error}).',
        en: '{file} cannot be read ({error}).',
      },
      noFile: {
        fr: "Aucun fichier de métriques ({file}) : rien à comparer. Déclarez-le dans mspr.yaml (outputs: {metrics: chemin}) ou écrivez metrics.json (ou un CSV/YAML de résultats) depuis le code.",
        en: 'No metrics file ({file}): nothing to compare. Declare it in mspr.yaml (outputs: {metrics: path}) or write metrics.json (or a results CSV/YAML) from the code.',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const declared = ctx.options.file ?? ctx.manifest?.outputs?.metrics;
    const tolerancePct = round(ctx.options.tolerance * 100, 2);
    const files = ctx.trace.available ? metricsFiles(declared, ctx.workspace, ctx.trace) : [{ path: declared ?? 'metrics.json' }];
    const present = files.filter((f) => ctx.workspace.exists(f.path));
    if (present.length === 0) return { status: 'skip', message: 'noFile', params: { file: declared ?? 'metrics.json' } };
    const got = factsOrSkip(ctx, mlFacts);
    if ('skip' in got) return got.skip;
    const uses = metricUses(ctx.trace);
    const cv = cvScores(got.facts);
    const evidence: Evidence[] = [];
    const wrong: Localized[] = [];
    const mislabelled: Localized[] = [];
    const unverified: string[] = [];
    const judged: string[] = [];
    let count = 0;
    for (const file of present) {
      // Read before parsing: a refused file (a link out, a FIFO, over the cap) is an `error` saying why, not "invalid".
      const parsed = parseMetricsFile(file.path, ctx.workspace.readText(file.path));
      if ('error' in parsed) {
        if (declared || present.length === 1) return { status: 'fail', message: 'invalid', params: { file: file.path, error: `"${parsed.error}"` }, evidence: [{ kind: 'artifact', subject: file.path, location: { file: file.path } }] };
        continue;
      }
      const claims = reportedMetrics(parsed.value);
      if (claims.length === 0) continue;
      judged.push(file.path);
      count += claims.length;
      if (file.writer) evidence.push(traced(`${file.path} written`, file.writer, { actual: String((file.writer as { function?: string }).function ?? 'write'), data: { step: file.writer.step ?? null, pid: file.writer.pid } }));
      const scriptUses = ofWriter(uses, file);
      const scriptCv = ofWriter(cv, file);
      for (const claim of claims) {
        const pool = candidatesFor(claim, scriptUses, scriptCv);
        const hit = pool.find((u) => u.value !== null && matches(claim, u.value, ctx.options));
        const elsewhere = hit ? undefined : actualValue(claim, [...scriptUses, ...scriptCv], ctx.options);
        const shown = hit ?? elsewhere ?? pool[0];
        const label = `${file.path}: ${claim.path}`;
        if (elsewhere) {
          const said = `${present.length > 1 ? label : claim.path} = ${claim.value} → `;
          const is = describe(elsewhere);
          mislabelled.push(t(said + is.fr, said + is.en));
        } else if (!shown) unverified.push(`${claim.path} = ${claim.value}`);
        else if (!hit) wrong.push(t(`${claim.path} = ${claim.value} (exécution : ${round(shown.value!, 4)})`, `${claim.path} = ${claim.value} (run: ${round(shown.value!, 4)})`));
        evidence.push({ kind: 'artifact', subject: label, location: { file: file.path }, expected: shown ? round(shown.value!, 6) : 'computed in the run', actual: claim.value, ...(claim.role !== 'test' ? { data: { role: claim.role } } : {}) });
        if (shown) evidence.push(traced(`${shown.key} (${shown.role === 'cv' ? 'cross-validation' : (shown.role ?? 'unidentified')})`, shown.event, { actual: round(shown.value!, 6), data: { claim: claim.path, matches: Boolean(hit), ...(elsewhere ? { mislabelled: true } : {}) } }));
      }
    }
    const file = judged.join(', ') || present.map((f) => f.path).join(', ');
    if (judged.length === 0) {
      // Results files the code wrote without any metric in them (predictions, a cleaned table) are no claim.
      const expected = present.filter((f) => f.path === declared || f.path === 'metrics.json');
      if (expected.length === 0) return { status: 'skip', message: 'noFile', params: { file: 'metrics.json' } };
      return { status: 'warn', message: 'noMetrics', params: { file: expected.map((f) => f.path).join(', ') }, evidence: expected.map((f) => ({ kind: 'artifact' as const, subject: f.path, location: { file: f.path } })) };
    }
    if (wrong.length > 0) return { status: 'fail', message: 'mismatch', params: { file, list: joinLocalized([...wrong, ...mislabelled], '; '), tolerancePct }, evidence };
    if (mislabelled.length > 0) return { status: 'fail', message: 'mislabelled', params: { file, list: joinLocalized(mislabelled, '; ') }, evidence };
    if (unverified.length > 0) return { status: 'warn', message: 'unverified', params: { file, list: unverified.join('; ') }, evidence };
    return { status: 'pass', message: 'pass', params: { file, count, tolerancePct }, evidence };
  },
});
