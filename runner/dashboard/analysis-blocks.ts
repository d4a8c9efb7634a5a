/** What can hold an analysis on a page or in an app's source: a chart, or a table of indicators. */
export type ChartKind = 'img' | 'svg' | 'canvas' | 'plotly' | 'vega' | 'chartjs' | 'bokeh' | 'table' | 'streamlit' | 'dash';

/**
 * A page (or an app's source) read as a sequence of blocks in reading order: headings, prose and charts.
 * The HTML reader and the Streamlit/Dash source reader both give this; pairing them is done once, here.
 */
export type Block =
  | { type: 'heading'; text: string; line: number }
  | { type: 'text'; text: string; line: number }
  | { type: 'chart'; kind: ChartKind; line: number; label?: string; caption?: string; detail?: string };

/** One analysis found: a chart, its title and description (when it has them), and whether it is described. */
export interface PageAnalysis {
  /** 1-based, in reading order. */
  index: number;
  kind: ChartKind;
  /** 1-based line of the chart in the page or file. */
  line: number;
  /** The heading that titles it, if any. */
  heading?: string;
  /** The prose that describes it (first 160 characters), if any. */
  description?: string;
  /** A name for it when it has no heading: caption, alt text, id or file name. */
  label?: string;
  /** What made it a chart (`data:image/png`, `class=plotly-graph-div`, `st.plotly_chart`…). */
  detail?: string;
  described: boolean;
}

/** Prose, as the notebook part counts it: a sentence of three words or more. */
export function isProse(text: string): boolean {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 3;
}

/**
 * Pairs each chart with what describes it. Its title is the nearest heading before it with no other chart in
 * between (a heading titles one chart, the first after it); its description is prose between that heading and
 * the chart, or just after the chart (before the next heading or chart), or its own figure caption. A chart is
 * described when it has both a title and a description.
 */
export function pairBlocks(blocks: readonly Block[]): PageAnalysis[] {
  const analyses: PageAnalysis[] = [];
  blocks.forEach((block, at) => {
    if (block.type !== 'chart') return;
    let heading: string | undefined;
    let before: string | undefined;
    for (let i = at - 1; i >= 0; i--) {
      const b = blocks[i]!;
      if (b.type === 'chart') break;
      if (b.type === 'heading') {
        heading = b.text;
        break;
      }
      if (!before && isProse(b.text)) before = b.text;
    }
    // Prose above the chart but under no heading of its own belongs to the previous chart's text, not this one.
    if (!heading) before = undefined;
    let after: string | undefined;
    for (let i = at + 1; i < blocks.length && !after; i++) {
      const b = blocks[i]!;
      if (b.type !== 'text') break;
      if (isProse(b.text)) after = b.text;
    }
    const caption = block.caption && isProse(block.caption) ? block.caption : undefined;
    const description = before ?? caption ?? after;
    analyses.push({
      index: analyses.length + 1,
      kind: block.kind,
      line: block.line,
      ...(heading ? { heading: clip(heading, 120) } : {}),
      ...(description ? { description: clip(description, 160) } : {}),
      ...(block.label ?? block.caption ? { label: clip((block.label ?? block.caption)!, 120) } : {}),
      ...(block.detail ? { detail: block.detail } : {}),
      described: Boolean(heading && description),
    });
  });
  return analyses;
}

/** The name an analysis is shown by: its heading, else its label, else its kind. */
export function analysisName(analysis: PageAnalysis): string {
  return analysis.heading ?? analysis.label ?? analysis.kind;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
