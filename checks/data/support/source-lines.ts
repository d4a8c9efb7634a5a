import type { WorkspaceFiles } from '../../../runner/evidence/workspace-files.js';
import type { CodeLocation } from '../../verdict.js';

/**
 * The candidate's source lines around a call site (a script's lines, or a notebook cell's), for the few
 * facts only the code shows — e.g. that a query is wrapped in time.perf_counter() calls.
 */
export function linesAround(workspace: WorkspaceFiles, location: CodeLocation | undefined, radius = 4): string[] {
  if (!location?.line || !workspace.exists(location.file)) return [];
  let lines: string[];
  try {
    if (location.file.endsWith('.ipynb')) {
      const notebook = JSON.parse(workspace.readText(location.file)) as { cells?: Array<{ cell_type?: string; source?: string | string[] }> };
      const cell = (notebook.cells ?? []).filter((c) => c.cell_type === 'code')[(location.cell ?? 1) - 1];
      const source = cell?.source ?? '';
      lines = (Array.isArray(source) ? source.join('') : source).split('\n');
    } else {
      lines = workspace.readText(location.file).split('\n');
    }
  } catch {
    return [];
  }
  return lines.slice(Math.max(0, location.line - 1 - radius), location.line + radius);
}
