import { htmlAnalyses } from '../../../runner/dashboard/html-analyses.js';
import type { WorkspaceFiles } from '../../../runner/evidence/workspace-files.js';
import type { Evidence } from '../../verdict.js';
import type { FoundAnalysis } from './found-analysis.js';
import { pageAnalysisFound } from './page-analysis-found.js';

/** A committed page is read whole up to this size (as a served page is), and this many pages at most. */
const FILE_CAP = 2 * 1024 * 1024;
const MAX_FILES = 20;
/**
 * Folders whose HTML is not a dashboard of its own: the app's templates and static files (judged through the
 * served app, and Jinja is no HTML until rendered), build output, coverage and test reports, virtualenvs.
 */
const NOT_DASHBOARDS = /(^|\/)(templates|static|htmlcov|_build|build|dist|site|node_modules|\.pytest_cache|\.tox|venv|\.venv|env)\//;

export interface StaticDashboards {
  analyses: FoundAnalysis[];
  /** Files not read (too large) or refused (a link, a special file): named, never opened further. */
  notes: Evidence[];
}

/**
 * The HTML pages the team committed as a dashboard (`dashboard/index.html`, an exported `rapport.html`), read
 * as hostile input: through the workspace's safe reader (no link followed, no special file), capped, nothing
 * they reference fetched. An HTML export of a notebook the run executed is left out (that notebook is judged).
 */
export function staticDashboards(workspace: WorkspaceFiles, executedNotebooks: readonly string[]): StaticDashboards {
  const result: StaticDashboards = { analyses: [], notes: [] };
  const exported = new Set(executedNotebooks.map((path) => baseName(path).replace(/\.ipynb$/i, '')));
  const files = workspace.list().filter((path) => /\.html?$/i.test(path) && !NOT_DASHBOARDS.test(path) && !exported.has(baseName(path).replace(/\.html?$/i, '')));
  for (const file of files.slice(0, MAX_FILES)) {
    const size = workspace.statFile(file)?.size;
    if (size === undefined) continue;
    if (size > FILE_CAP) {
      result.notes.push({ kind: 'artifact', subject: file, expected: `<= ${FILE_CAP} bytes`, actual: size, note: { fr: 'Page HTML trop grande : non lue.', en: 'HTML page too large: not read.' } });
      continue;
    }
    let html: string;
    try {
      html = workspace.readText(file, FILE_CAP);
    } catch (error) {
      result.notes.push({ kind: 'artifact', subject: file, expected: 'a regular file', actual: 'refused', data: { reason: String((error as Error).message ?? error).slice(0, 200) } });
      continue;
    }
    for (const analysis of htmlAnalyses(html).analyses) {
      result.analyses.push(pageAnalysisFound('file', file, analysis, { kind: 'artifact', location: { file, line: analysis.line } }));
    }
  }
  return result;
}

function baseName(path: string): string {
  return path.split('/').at(-1) ?? path;
}
