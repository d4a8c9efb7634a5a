import { appSourceAnalyses, dashboardFramework } from '../../../runner/dashboard/app-source-analyses.js';
import type { HttpEvidence } from '../../../runner/serve/http-evidence.js';
import type { WorkspaceFiles } from '../../../runner/evidence/workspace-files.js';
import type { Evidence } from '../../verdict.js';
import type { FoundAnalysis } from './found-analysis.js';
import { pageAnalysisFound } from './page-analysis-found.js';

const SOURCE_CAP = 512 * 1024;

/** The served app's analyses: each HTML page the runner read, and for Streamlit/Dash the app's source. */
export interface ServedAnalyses {
  analyses: FoundAnalysis[];
  /** Evidence that is no analysis: the app did not answer, a page was a script-drawn shell. */
  notes: Evidence[];
}

export function servedAnalyses(http: HttpEvidence | undefined, workspace: WorkspaceFiles): ServedAnalyses {
  const result: ServedAnalyses = { analyses: [], notes: [] };
  if (!http || http.state === 'not-asked') return result;
  if (http.state !== 'served') {
    result.notes.push({ kind: 'http', subject: 'app', expected: 'served', actual: http.state, data: { command: (http.command ?? []).join(' ') } });
    return result;
  }
  for (const page of http.dashboardPages ?? []) {
    for (const analysis of page.analyses) {
      result.analyses.push(pageAnalysisFound('page', page.path, analysis, { kind: 'http', data: { url: page.url, ...(page.truncated ? { truncated: true } : {}) } }));
    }
    if (page.scriptRendered) {
      result.notes.push({
        kind: 'http',
        subject: page.path,
        expected: 'charts in the HTML',
        actual: 'drawn by scripts',
        data: { url: page.url },
        note: { fr: 'Page dessinée par des scripts dans le navigateur (Streamlit, Dash) : ses analyses sont lues dans le code de l’application.', en: 'A page drawn by scripts in the browser (Streamlit, Dash): its analyses are read from the app’s source.' },
      });
    }
  }
  // Streamlit and Dash pages are empty shells over HTTP: the app answered, its source says what it draws.
  const entry = http.entry;
  if (!entry) return result;
  let source: string;
  try {
    source = workspace.readText(entry, SOURCE_CAP);
  } catch {
    return result;
  }
  const framework = http.framework === 'streamlit' ? 'streamlit' : dashboardFramework(source);
  if (!framework) return result;
  for (const analysis of appSourceAnalyses(source)) {
    result.analyses.push(
      pageAnalysisFound('app-source', `${entry}:${analysis.line}`, analysis, {
        kind: 'static',
        location: { file: entry, line: analysis.line },
        data: { framework },
        note: { fr: 'Lu dans le code sans l’exécuter : les boucles et conditions ne sont pas suivies.', en: 'Read from the source without running it: loops and conditions are not followed.' },
      }),
    );
  }
  return result;
}
