import { type Block, type ChartKind, pairBlocks, type PageAnalysis } from './analysis-blocks.js';

/**
 * Streamlit and Dash pages are drawn by scripts in the browser: the HTML the app serves is an empty shell. Their
 * analyses are read from the app's source instead, statically, in the order the calls appear: a chart call
 * (`st.plotly_chart`, `dcc.Graph`…), a title call (`st.header`, `html.H2`…), a text call (`st.markdown`,
 * `html.P`…) whose first string literal is prose. Loops and conditions are not followed: an approximation the
 * evidence says so.
 */
const CALLS: Array<{ pattern: RegExp; type: 'heading' | 'text' | 'chart'; kind?: ChartKind }> = [
  { pattern: /\bst\.(?:title|header|subheader)\s*\(/g, type: 'heading' },
  { pattern: /\bst\.(?:markdown|write|caption|text|info)\s*\(/g, type: 'text' },
  { pattern: /\bst\.(?:plotly_chart|pyplot|altair_chart|vega_lite_chart|bokeh_chart|line_chart|bar_chart|area_chart|scatter_chart|map|dataframe|table)\s*\(/g, type: 'chart', kind: 'streamlit' },
  { pattern: /\bhtml\.H[1-6]\s*\(/g, type: 'heading' },
  { pattern: /\b(?:html\.P|dcc\.Markdown)\s*\(/g, type: 'text' },
  { pattern: /\b(?:dcc\.Graph|dash_table\.DataTable)\s*\(/g, type: 'chart', kind: 'dash' },
];
const LITERAL = /^\s*(?:children\s*=\s*|body\s*=\s*)?[rfbu]{0,2}("""|'''|"|')([\s\S]*?)\1/;

/** The framework a Python source builds a dashboard with, if it is Streamlit or Dash. */
export function dashboardFramework(source: string): 'streamlit' | 'dash' | undefined {
  if (/^\s*(?:import\s+streamlit|from\s+streamlit\s+import)\b/m.test(source)) return 'streamlit';
  if (/^\s*(?:import\s+dash|from\s+dash\s+import)\b/m.test(source)) return 'dash';
  return undefined;
}

/** The analyses of a Streamlit or Dash app's source file. */
export function appSourceAnalyses(source: string): PageAnalysis[] {
  const found: Array<{ at: number; block: Block }> = [];
  for (const call of CALLS) {
    for (const match of source.matchAll(call.pattern)) {
      const at = match.index;
      const line = source.slice(0, at).split('\n').length;
      const name = match[0].replace(/\s*\($/, '');
      if (call.type === 'chart') {
        found.push({ at, block: { type: 'chart', kind: call.kind!, line, detail: name } });
        continue;
      }
      const literal = LITERAL.exec(source.slice(at + match[0].length, at + match[0].length + 2000));
      if (!literal) continue;
      const text = literal[2]!;
      // `st.markdown("## Titre")` is a title; a markdown text with a title line and prose is both.
      const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
      const title = lines.find((l) => /^#{1,6}\s+\S/.test(l));
      if (call.type === 'heading' || title) found.push({ at, block: { type: 'heading', text: (title ?? text).replace(/^#+\s*/, ''), line } });
      const prose = lines.filter((l) => !/^#{1,6}\s/.test(l)).join(' ');
      if (call.type === 'text' && prose) found.push({ at: at + 1, block: { type: 'text', text: prose, line } });
    }
  }
  return pairBlocks(found.sort((a, b) => a.at - b.at).map((f) => f.block));
}
