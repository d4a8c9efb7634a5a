import type { ChartKind, FigureAxes, FigureEvent, PlotEvent } from '../../../runner/tracer/data-event-types.js';
import type { TraceIndex } from '../../../runner/tracer/trace-index.js';
import type { CheckContext, CheckOutcome } from '../../check.js';
import { before, dataFacts, type DataFacts } from '../../data/support/data-facts.js';
import { factsOrStatic } from '../../support/facts-or-static.js';
import { ofTypes } from '../../support/static-basis.js';
import { traced, where } from '../../support/trace-support.js';

/** A chart drawn by the candidate's code, with the labels its axes had when the figure was last saved or shown. */
export interface Chart {
  plot: PlotEvent;
  kind: ChartKind;
  /** Labels from the last figure event holding this chart's axes; undefined when the figure was never finalised. */
  labels?: { title: string | null; xlabel: string | null; ylabel: string | null; file: string | null };
}

const cache = new WeakMap<TraceIndex, readonly Chart[]>();

/** The run's charts, each matched with its figure; computed once per trace and shared by the chart checks. */
export function chartsOf(trace: TraceIndex): readonly Chart[] {
  let charts = cache.get(trace);
  if (!charts) {
    charts = matchFigures(dataFacts(trace));
    cache.set(trace, charts);
  }
  return charts;
}

function matchFigures(facts: DataFacts): Chart[] {
  return facts.plots.map((plot) => {
    const tokens = new Set([...(plot.axes ?? []), ...(plot.figure ? [plot.figure] : [])]);
    let found: { figure: FigureEvent; axes: FigureAxes } | undefined;
    for (const figure of facts.figures) {
      if (before(figure, plot)) continue;
      const axes = figure.axes.find((a) => tokens.has(a.axes)) ?? (plot.figure && figure.figure === plot.figure ? figure.axes[0] : undefined);
      if (axes) found = { figure, axes };
    }
    if (!found) return { plot, kind: plot.kind };
    const { figure, axes } = found;
    const title = axes.title || figure.suptitle || (typeof plot.title === 'string' ? plot.title : null) || null;
    return { plot, kind: plot.kind, labels: { title, xlabel: axes.xlabel || null, ylabel: axes.ylabel || null, file: figure.file ?? null } };
  });
}

/** Outcome of the "one chart of this kind" checks (scatter, distribution). */
export function kindOutcome(ctx: CheckContext<unknown>, kind: ChartKind, describe: (chart: Chart) => string): CheckOutcome<'pass' | 'none' | 'noTrace'> {
  const got = factsOrStatic(ctx, ofTypes('plot'), chartsOf);
  if ('skip' in got) return got.skip;
  const charts = got.facts;
  const basis = got.static ? { static: got.static } : {};
  const matching = charts.filter((c) => c.kind === kind);
  if (matching.length === 0) {
    const drawn = charts.map((c) => `${c.plot.function} (${c.kind}) ${where(c.plot)}`).join(', ') || '—';
    return { status: 'fail', message: 'none', params: { drawn }, evidence: [{ kind: 'trace', subject: `${kind} chart`, expected: '>= 1', actual: 0, data: { drawn: charts.map((c) => c.plot.function) } }], ...basis };
  }
  const charted = matching.map((c) => `${describe(c)} (${c.plot.library}.${c.plot.function} ${where(c.plot)})`).join('; ');
  return { status: 'pass', message: 'pass', params: { charts: charted }, evidence: matching.slice(0, 5).map((c) => traced(`${kind} chart`, c.plot, { actual: c.plot.function, data: { x: c.plot.x ?? null, y: c.plot.y ?? null, file: c.labels?.file ?? null } })), ...basis };
}
