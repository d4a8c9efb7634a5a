import { analysisName, type PageAnalysis } from '../../../runner/dashboard/analysis-blocks.js';
import type { Evidence } from '../../verdict.js';
import type { AnalysisSource, FoundAnalysis } from './found-analysis.js';

/**
 * A page's (or an app source's) analysis as the check counts it: named by where it is, its kind and its title
 * (`/#2 (img "Prix par quartier")`), with evidence holding its title, description and what made it a chart.
 */
export function pageAnalysisFound(source: AnalysisSource, where: string, analysis: PageAnalysis, evidence: Omit<Evidence, 'subject' | 'expected' | 'actual'>): FoundAnalysis {
  const title = analysisName(analysis);
  // In an app's source the line places it and the call names its kind (`app.py:14 (st.plotly_chart …)`).
  const place = source === 'app-source' ? where : `${where}#${analysis.index}`;
  const kind = source === 'app-source' ? (analysis.detail ?? analysis.kind) : analysis.kind;
  const name = `${place} (${kind}${title !== analysis.kind ? ` "${title}"` : ''})`;
  return {
    source,
    name,
    charts: 1,
    described: analysis.described,
    evidence: {
      ...evidence,
      subject: name,
      expected: 'described',
      actual: analysis.described ? 'described' : 'not described',
      data: {
        ...evidence.data,
        kind: analysis.kind,
        title: analysis.heading ?? null,
        description: analysis.description ?? null,
        ...(analysis.label ? { label: analysis.label } : {}),
        ...(analysis.detail ? { detail: analysis.detail } : {}),
        line: analysis.line,
      },
    },
  };
}
