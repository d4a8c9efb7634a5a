import { DataTrace } from '../data/support/data-trace.js';

/** A plot on axes `axes` and, later, the figure holding it saved with these labels. */
export function chart(t: DataTrace, line: number, fn: string, kind: string, axes: string, labels: { title?: string | null; xlabel?: string | null; ylabel?: string | null } | null, extra: Record<string, unknown> = {}): DataTrace {
  t.add('plot', { library: 'matplotlib', function: fn, kind, axes: [axes], figure: `f${axes}`, ...extra }, line, 'analyse.py');
  if (labels) t.add('figure', { figure: `f${axes}`, library: 'matplotlib', trigger: 'savefig', file: `${fn}.png`, axes: [{ axes, title: null, xlabel: null, ylabel: null, has_data: true, ...labels }] }, line + 3, 'analyse.py');
  return t;
}

export const full = { title: 'Titre', xlabel: 'quantité', ylabel: 'prix (€)' };
