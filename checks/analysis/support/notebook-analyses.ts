import type { CheckContext } from '../../check.js';
import type { Chart } from '../../viz/support/charts.js';
import type { FoundAnalysis } from './found-analysis.js';
import { describes, notebookCells, type NotebookCell } from './notebook-cells.js';

/**
 * The notebook part of the dashboard criterion: in each notebook that ran without error, a code cell that drew
 * charts (the trace's `plot` events) is an analysis, described by the markdown cell just before or after it.
 */
export function notebookAnalyses(ctx: CheckContext<unknown>, charts: readonly Chart[]): FoundAnalysis[] {
  const analyses: FoundAnalysis[] = [];
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
      analyses.push({
        source: 'notebook',
        name: `${entry}#${cell}`,
        charts: drawn.length,
        described,
        evidence: {
          kind: 'trace',
          subject: `${entry}#${cell}`,
          location: { file: entry, line: drawn[0]!.plot.site?.line ?? 1, cell },
          expected: 'described',
          actual: described ? 'described' : 'not described',
          data: { charts: drawn.map((c) => c.kind), titles: drawn.map((c) => c.labels?.title ?? null) },
        },
      });
    }
  }
  return analyses;
}
