import type { WorkspaceFiles } from '../../../runner/evidence/workspace-files.js';
import type { CodeLocation } from '../../verdict.js';

/**
 * Reads the candidate's source lines around call sites (a script's lines, or a notebook cell's), for the few
 * facts only the code shows — e.g. that a query is wrapped in time.perf_counter() calls. Each file is read
 * and split once per reader, however many call sites it holds.
 */
export function lineReader(workspace: WorkspaceFiles): (location: CodeLocation | undefined, radius?: number) => string[] {
  const files = new Map<string, string[][] | undefined>();
  return (location, radius = 4) => {
    if (!location?.line) return [];
    if (!files.has(location.file)) files.set(location.file, blocksOf(workspace, location.file));
    const blocks = files.get(location.file);
    const lines = location.file.endsWith('.ipynb') ? blocks?.[(location.cell ?? 1) - 1] : blocks?.[0];
    return (lines ?? []).slice(Math.max(0, location.line - 1 - radius), location.line + radius);
  };
}

/** A script as one block of lines, a notebook as one block per code cell; undefined when unreadable. */
function blocksOf(workspace: WorkspaceFiles, file: string): string[][] | undefined {
  if (!workspace.exists(file)) return undefined;
  try {
    if (!file.endsWith('.ipynb')) return [workspace.readText(file).split('\n')];
    const notebook = JSON.parse(workspace.readText(file)) as { cells?: Array<{ cell_type?: string; source?: string | string[] }> };
    return (notebook.cells ?? [])
      .filter((cell) => cell.cell_type === 'code')
      .map((cell) => (Array.isArray(cell.source) ? cell.source.join('') : (cell.source ?? '')).split('\n'));
  } catch {
    return undefined;
  }
}
