import { Parser } from 'htmlparser2';
import { type Block, type ChartKind, pairBlocks, type PageAnalysis } from './analysis-blocks.js';

/** What the dashboard criterion reads of one HTML page: its analyses, and whether scripts draw the page. */
export interface HtmlAnalyses {
  analyses: PageAnalysis[];
  /** The page is a script-rendered shell (Streamlit, Dash, a React root) with no content of its own. */
  scriptRendered: boolean;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** An image that names a chart in its src, alt, class, id or title. */
const CHART_WORDS = /graph|chart|plot|fig|courbe|histo|diagram|camembert|visu|distribution|r[ée]partition|[ée]volution|corr[ée]lation|heatmap|boxplot|scatter|tendance|analyse|indicateur/i;
const NOT_CHART = /logo|icon|avatar|banner|favicon|sprite|badge/i;
const SCRIPT_TARGETS: Array<[ChartKind, RegExp]> = [
  ['plotly', /Plotly\.(?:newPlot|react|plot)\(\s*(?:document\.getElementById\(\s*)?["']([\w-]+)["']/g],
  ['vega', /vegaEmbed\(\s*["']#([\w-]+)["']/g],
  ['chartjs', /new\s+Chart\(\s*(?:document\.getElementById\(\s*)?["']([\w-]+)["']/g],
];
/** A page scripts draw (Streamlit, Dash, a single-page app): an empty root element and the framework's config. */
const SHELL = /<div[^>]+id=["'](?:root|react-entry-point|app)["'][^>]*>\s*<\/div>|_dash-config|streamlit/i;

/**
 * Reads a page's analyses with the tolerant parser: charts (`<img>` of a chart, inline `<svg>`, `<canvas>`,
 * Plotly/Vega/Chart.js/Bokeh containers, tables of figures) and the headings and prose around them. Nothing is
 * fetched: an image is judged from its tag alone, a script only from its text (which element it draws into).
 */
export function htmlAnalyses(html: string): HtmlAnalyses {
  const targets = scriptTargets(html);
  const blocks: Block[] = [];
  const lineAt = lineCounter(html);
  const stack: string[] = [];
  let inChart: number | undefined; // stack depth where the current chart element opened
  let table: { block: Extract<Block, { type: 'chart' }>; rows: number; numeric: boolean; caption: string; inCaption: boolean; cell: string; inCell: boolean } | undefined;
  let text: { tag: string; depth: number; text: string; line: number } | undefined;
  let svgShapes = 0;
  let svgBlock: Extract<Block, { type: 'chart' }> | undefined;
  const figures: Array<{ charts: Array<Extract<Block, { type: 'chart' }>>; caption: string; inCaption: boolean }> = [];
  let textChars = 0;

  const pushChart = (kind: ChartKind, attrs: Record<string, string>, detail: string): Extract<Block, { type: 'chart' }> => {
    const label = attrs.alt || attrs['aria-label'] || attrs.title || attrs.id || fileName(attrs.src);
    const block: Extract<Block, { type: 'chart' }> = { type: 'chart', kind, line: lineAt(parser.startIndex), detail, ...(label ? { label } : {}) };
    blocks.push(block);
    figures.at(-1)?.charts.push(block);
    return block;
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        const depth = stack.length;
        if (inChart !== undefined) {
          if (svgBlock && /^(rect|path|circle|line|polyline|polygon|ellipse|text)$/.test(name)) svgShapes++;
          if (table && (name === 'td' || name === 'th')) {
            table.inCell = true;
            table.cell = '';
          }
          if (table && name === 'tr') table.rows++;
          if (table && name === 'caption') table.inCaption = true;
          return;
        }
        if (name === 'figure') figures.push({ charts: [], caption: '', inCaption: false });
        if (name === 'figcaption' && figures.length > 0) figures.at(-1)!.inCaption = true;
        if (HEADINGS.has(name) || name === 'p') {
          text = { tag: name, depth, text: '', line: lineAt(parser.startIndex) };
          return;
        }
        const cls = attrs.class ?? '';
        const target = attrs.id ? targets.get(attrs.id) : undefined;
        if (name === 'img') {
          const src = attrs.src ?? '';
          const named = [src.startsWith('data:') ? '' : src, attrs.alt, cls, attrs.id, attrs.title].join(' ');
          const tiny = Number(attrs.width) > 0 && Number(attrs.width) <= 48;
          if (NOT_CHART.test(named) || tiny) return;
          if (/^data:image\//i.test(src)) pushChart('img', attrs, src.slice(0, src.indexOf(';') > 0 ? src.indexOf(';') : 20));
          else if (CHART_WORDS.test(named) || figures.length > 0) pushChart('img', attrs, fileName(src) ?? 'img');
          return;
        }
        if (name === 'svg') {
          if (NOT_CHART.test(cls) || (Number(attrs.width) > 0 && Number(attrs.width) <= 48)) return;
          svgBlock = pushChart('svg', attrs, 'svg');
          svgShapes = 0;
        } else if (name === 'canvas') {
          pushChart(target ?? 'canvas', attrs, target ? `${target} → #${attrs.id}` : 'canvas');
        } else if (/\bplotly-graph-div\b|\bjs-plotly-plot\b/.test(cls) || target) {
          pushChart(target ?? 'plotly', attrs, target ? `${target} → #${attrs.id}` : `class=${cls.trim()}`);
        } else if (attrs['data-root-id'] !== undefined || /\bbk-root\b/.test(cls)) {
          pushChart('bokeh', attrs, 'bokeh');
        } else if (name === 'table') {
          table = { block: pushChart('table', attrs, 'table'), rows: 0, numeric: false, caption: '', inCaption: false, cell: '', inCell: false };
        } else return;
        inChart = depth;
      },
      ontext(chunk) {
        textChars += chunk.length;
        if (text) text.text += chunk;
        if (table?.inCell) table.cell += chunk;
        if (table?.inCaption) table.caption += chunk;
        const figure = figures.at(-1);
        if (figure?.inCaption && inChart === undefined) figure.caption += chunk;
      },
      onclosetag(name) {
        const depth = stack.length;
        stack.pop();
        if (table && (name === 'td' || name === 'th')) {
          if (/^\s*[-+]?\d[\d\s.,]*\s*(%|€|k€|M€)?\s*$/.test(table.cell)) table.numeric = true;
          table.inCell = false;
        }
        if (table && name === 'caption') table.inCaption = false;
        if (inChart !== undefined && depth === inChart) {
          inChart = undefined;
          if (table) {
            // A table counts when it holds figures: two rows or more with a number in a cell.
            if (table.rows < 2 || !table.numeric) blocks.splice(blocks.indexOf(table.block), 1);
            else if (table.caption.trim()) blocks.splice(blocks.indexOf(table.block), 0, { type: 'heading', text: table.caption.trim(), line: table.block.line });
            table = undefined;
          }
          // An svg of one or two shapes is an icon, not a chart.
          if (svgBlock && name === 'svg') {
            if (svgShapes < 3) blocks.splice(blocks.indexOf(svgBlock), 1);
            svgBlock = undefined;
          }
        }
        if (text && depth === text.depth) {
          const value = text.text.replace(/\s+/g, ' ').trim();
          if (value) blocks.push({ type: HEADINGS.has(text.tag) ? 'heading' : 'text', text: value, line: text.line });
          text = undefined;
        }
        if (name === 'figcaption' && figures.length > 0) figures.at(-1)!.inCaption = false;
        if (name === 'figure') {
          const figure = figures.pop();
          const caption = figure?.caption.replace(/\s+/g, ' ').trim();
          if (caption) for (const chart of figure!.charts) chart.caption = caption;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const analyses = pairBlocks(blocks);
  return { analyses, scriptRendered: analyses.length === 0 && textChars < 2000 && SHELL.test(html) };
}

/** Element ids that a page's scripts draw a chart into (`Plotly.newPlot('prix', …)`). */
function scriptTargets(html: string): Map<string, ChartKind> {
  const targets = new Map<string, ChartKind>();
  for (const [kind, pattern] of SCRIPT_TARGETS) for (const match of html.matchAll(pattern)) targets.set(match[1]!, kind);
  return targets;
}

/** 1-based line of a character offset; offsets only grow while parsing, so the count goes on from the last. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (; at < offset && at < text.length; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}

function fileName(src: string | undefined): string | undefined {
  if (!src || src.startsWith('data:')) return undefined;
  return src.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1);
}
