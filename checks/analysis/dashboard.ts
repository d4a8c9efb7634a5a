import { joinLocalized, type Localized } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import { factsOrSkip, NO_TRACE } from '../support/trace-support.js';
import { chartsOf } from '../viz/support/charts.js';
import { SOURCE_ADVICE, SOURCE_PLACES, type AnalysisSource, type FoundAnalysis } from './support/found-analysis.js';
import { notebookAnalyses } from './support/notebook-analyses.js';
import { servedAnalyses } from './support/served-analyses.js';
import { staticDashboards } from './support/static-dashboards.js';

interface Options {
  minAnalyses: number;
}

/** Analyses named in a message; the evidence holds every one (up to EVIDENCE_CAP). */
const NAMED = 8;
const EVIDENCE_CAP = 60;
const SOURCES: AnalysisSource[] = ['notebook', 'page', 'file', 'app-source'];

export default defineCheck({
  meta: {
    id: 'analysis/dashboard',
    title: { fr: 'Un tableau de bord présente plusieurs analyses décrites', en: 'A dashboard shows several described analyses' },
    criteria: ['cdp-data-ia:C2.5', 'dev-ia-ds:A1.1 C6', 'cerf-ia:C5'],
    // 'http': the served app's pages are read live, so a regrade keeps the run's verdict (runner/regrade/live-checks.ts).
    evidence: ['trace', 'artifact', 'http', 'static'],
    options: { type: 'object', additionalProperties: false, properties: { minAnalyses: { type: 'integer', minimum: 1, default: 3, description: 'analyses (charts with a description) required, notebooks, served pages and HTML pages together' } } },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: '{described} {described|analyse décrite|analyses décrites} sur {analyses} {where} ({charts} {charts|graphique|graphiques}) : {list}.{undescribed}',
        en: '{described} of {analyses} {analyses|analysis|analyses} described {where} ({charts} {charts|chart|charts}): {list}.{undescribed}',
      },
      tooFew: {
        fr: '{described} {described|analyse décrite|analyses décrites} sur {analyses} ({charts} {charts|graphique|graphiques}) ; attendu : au moins {min}. {advice}{undescribed}',
        en: '{described} of {analyses} {analyses|analysis|analyses} described ({charts} {charts|chart|charts}); expected: at least {min}. {advice}{undescribed}',
      },
      none: {
        fr: 'Aucun graphique dans un notebook exécuté sans erreur, sur les pages de l’application servie ni dans une page HTML du dépôt. Attendu : un tableau de bord (notebook, application ou page HTML) avec au moins {min} analyses décrites.',
        en: 'No chart in a notebook that ran without error, on the served app’s pages or in an HTML page of the repository. Expected: a dashboard (notebook, app or HTML page) with at least {min} described analyses.',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const notebooks = notebookPart(ctx);
    const served = servedAnalyses(ctx.http, ctx.workspace);
    const executed = ctx.steps.filter((s) => s.kind === 'notebook' && s.entry).map((s) => s.entry!);
    const files = staticDashboards(ctx.workspace, executed);
    const analyses = [...notebooks, ...served.analyses, ...files.analyses];
    const notes = [...served.notes, ...files.notes];
    const min = ctx.options.minAnalyses;
    if (analyses.length === 0) {
      // Nothing ran with the tracer, no app was asked for and no HTML page was found: the trace is what is missing.
      const asked = ctx.http !== undefined && ctx.http.state !== 'not-asked';
      if (!ctx.trace.available && !asked && notes.length === 0) return { status: 'fail', message: 'noTrace' };
      return { status: 'fail', message: 'none', params: { min }, evidence: [{ kind: 'trace', subject: 'charts', expected: `>= ${min}`, actual: 0 }, ...notes] };
    }
    const evidence = [...analyses.slice(0, EVIDENCE_CAP).map((a) => a.evidence), ...notes];
    const described = analyses.filter((a) => a.described);
    const missing = analyses.filter((a) => !a.described);
    const counts = { described: described.length, analyses: analyses.length, charts: analyses.reduce((n, a) => n + a.charts, 0) };
    const undescribed = missing.length === 0 ? '' : { fr: ` Sans description : ${names(missing)}.`, en: ` Not described: ${names(missing)}.` };
    if (described.length < min) {
      const advice = joinLocalized(sourcesOf(missing.length > 0 ? missing : analyses).map((source) => SOURCE_ADVICE[source]), ' ');
      return { status: 'fail', message: 'tooFew', params: { ...counts, min, advice, undescribed }, evidence };
    }
    return { status: 'pass', message: 'pass', params: { ...counts, where: places(analyses), list: names(described), undescribed }, evidence };
  },
});

/** The notebooks' analyses; none without a trace. A tampered trace throws, as for every trace-based check. */
function notebookPart(ctx: CheckContext<Options>): FoundAnalysis[] {
  const got = factsOrSkip(ctx, chartsOf);
  return 'skip' in got ? [] : notebookAnalyses(ctx, got.facts);
}

function sourcesOf(analyses: readonly FoundAnalysis[]): AnalysisSource[] {
  return SOURCES.filter((source) => analyses.some((a) => a.source === source));
}

/** `in the executed notebooks and on the served pages`. */
function places(analyses: readonly FoundAnalysis[]): Localized {
  const parts = sourcesOf(analyses).map((source) => SOURCE_PLACES[source]);
  if (parts.length === 1) return parts[0]!;
  const last = parts.pop()!;
  return { fr: `${parts.map((p) => p.fr).join(', ')} et ${last.fr}`, en: `${parts.map((p) => p.en).join(', ')} and ${last.en}` };
}

function names(analyses: readonly FoundAnalysis[]): string {
  const shown = analyses.slice(0, NAMED).map((a) => a.name);
  return analyses.length > NAMED ? `${shown.join(', ')} (+${analyses.length - NAMED})` : shown.join(', ');
}
