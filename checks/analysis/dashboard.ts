import { type CheckContext, defineCheck } from '../check.js';
import { NO_TRACE, factsOrSkip } from '../support/trace-support.js';
import type { Evidence } from '../verdict.js';
import { chartsOf, type Chart } from '../viz/support/charts.js';
import { describes, notebookCells, type NotebookCell } from './support/notebook-cells.js';

interface Options {
  minAnalyses: number;
}

/** One analysis: a code cell of an executed notebook that drew charts, and the description beside it. */
interface Analysis {
  notebook: string;
  cell: number;
  charts: Chart[];
  described: boolean;
}

/**
 * The notebook part of the dashboard criterion. The served-app part (Dash/Streamlit/Flask pages) reads `ctx.http`
 * evidence another module gathers; until it is there, a scenario judging an app uses that check instead.
 */
function notebookAnalyses(ctx: CheckContext<Options>, charts: readonly Chart[]): Analysis[] {
  const analyses: Analysis[] = [];
  for (const step of ctx.steps.filter((s) => s.kind === 'notebook' && s.status === 'ok' && s.entry)) {
    const entry = step.entry!;
    let cells: NotebookCell[];
    try {
      cells = notebookCells(ctx.workspace.readText(entry));
    } catch {
      continue;
    }
    const byCell = new Map<number, Chart[]>();
    for (const chart of charts) {
      const site = chart.plot.site;
      if (site?.file === entry && typeof site.cell === 'number') byCell.set(site.cell, [...(byCell.get(site.cell) ?? []), chart]);
    }
    for (const [cell, drawn] of [...byCell.entries()].sort(([a], [b]) => a - b)) {
      const at = cells.findIndex((c) => c.codeIndex === cell);
      // Next to the chart: the markdown cell just before its code cell, or just after it.
      const near = [cells[at - 1], cells[at + 1]].map(describes);
      const titled = drawn.some((chart) => Boolean(chart.labels?.title));
      const described = near.some((d) => d.text && (d.title || titled));
      analyses.push({ notebook: entry, cell, charts: drawn, described });
    }
  }
  return analyses;
}

export default defineCheck({
  meta: {
    id: 'analysis/dashboard',
    title: { fr: 'Un tableau de bord présente plusieurs analyses décrites', en: 'A dashboard shows several described analyses' },
    criteria: ['cdp-data-ia:C2.5', 'dev-ia-ds:A1.1 C6', 'cerf-ia:C5'],
    // 'http' joins when the served-app part reads it (a check declaring http is re-used, not re-judged, by regrade).
    evidence: ['trace', 'artifact'],
    options: { type: 'object', additionalProperties: false, properties: { minAnalyses: { type: 'integer', minimum: 1, default: 3, description: 'analyses (charts with a description) required' } } },
    messages: {
      ...NO_TRACE,
      pass: {
        fr: '{described} analyse(s) décrite(s) sur {analyses} dans les notebooks exécutés ({charts} graphique(s)) : {list}.',
        en: '{described} of {analyses} analyses described in the executed notebooks ({charts} chart(s)): {list}.',
      },
      tooFew: {
        fr: '{described} analyse(s) décrite(s) sur {analyses} ({charts} graphique(s)) ; attendu : au moins {min}. Placez à côté de chaque graphique une cellule Markdown avec un titre (# …) et une phrase qui dit ce qu’il montre.{undescribed}',
        en: '{described} of {analyses} analyses described ({charts} chart(s)); expected: at least {min}. Put next to each chart a Markdown cell with a title (# …) and a sentence saying what it shows.{undescribed}',
      },
      none: {
        fr: 'Aucun graphique dans un notebook exécuté sans erreur. Attendu : un tableau de bord (notebook ou application) avec au moins {min} analyses décrites.',
        en: 'No chart in a notebook that ran without error. Expected: a dashboard (notebook or app) with at least {min} described analyses.',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const got = factsOrSkip(ctx, chartsOf);
    if ('skip' in got) return got.skip;
    const analyses = notebookAnalyses(ctx, got.facts);
    const min = ctx.options.minAnalyses;
    if (analyses.length === 0) return { status: 'fail', message: 'none', params: { min }, evidence: [{ kind: 'trace', subject: 'charts', expected: `>= ${min}`, actual: 0 }] };
    const evidence: Evidence[] = analyses.map((a) => ({
      kind: 'trace',
      subject: `${a.notebook}#${a.cell}`,
      location: { file: a.notebook, line: a.charts[0]!.plot.site?.line ?? 1, cell: a.cell },
      expected: 'described',
      actual: a.described ? 'described' : 'not described',
      data: { charts: a.charts.map((c) => c.kind), titles: a.charts.map((c) => c.labels?.title ?? null) },
    }));
    const described = analyses.filter((a) => a.described);
    const params = { described: described.length, analyses: analyses.length, charts: analyses.reduce((n, a) => n + a.charts.length, 0) };
    if (described.length < min) {
      const missing = analyses.filter((a) => !a.described).slice(0, 5).map((a) => `${a.notebook}#${a.cell}`);
      const undescribed = missing.length > 0 ? { fr: ` Sans description : ${missing.join(', ')}.`, en: ` Not described: ${missing.join(', ')}.` } : '';
      return { status: 'fail', message: 'tooFew', params: { ...params, min, undescribed }, evidence };
    }
    return { status: 'pass', message: 'pass', params: { ...params, list: described.slice(0, 8).map((a) => `${a.notebook}#${a.cell}`).join(', ') }, evidence };
  },
});
