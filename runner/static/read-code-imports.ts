import type { WorkspaceFiles } from '../evidence/workspace-files.js';
import { runStaticReader } from './run-reader.js';
import { staticSources } from './static-sources.js';

/** One `import x` / `from x import y` of a library in the team's code. */
export interface ImportedLibrary {
  /** The dotted module as written (`sklearn.model_selection`). */
  module: string;
  file: string;
  line: number;
  /** The 1-based code cell of a notebook. */
  cell?: number;
  /** Inside a `try:` that catches ImportError: the code runs without it. */
  optional?: boolean;
}

/**
 * The libraries the team's code imports (standard library, relative imports and the team's own modules left out,
 * as the Python side tells them apart), for the checks that compare them with what the dependency files declare.
 * `available` is false when the reader could not run; `problems` names files not read.
 */
export interface CodeImports {
  available: boolean;
  imports: ImportedLibrary[];
  problems: string[];
}

/** Reads every script and notebook of the workspace for its imports (parsed, never run). */
export async function readCodeImports(workspace: WorkspaceFiles, python: string): Promise<CodeImports> {
  const { files, problems } = staticSources(workspace);
  if (Object.keys(files).length === 0) return { available: true, imports: [], problems };
  const answer = await runStaticReader(python, { mode: 'imports', files });
  if (answer.failure !== undefined) return { available: false, imports: [], problems: [...problems, answer.failure] };
  try {
    const response = JSON.parse(answer.stdout) as { imports?: unknown; problems?: unknown };
    const imports = (Array.isArray(response.imports) ? response.imports : []).filter(isImport);
    return { available: true, imports, problems: [...problems, ...(Array.isArray(response.problems) ? response.problems.map(String) : [])] };
  } catch (error) {
    return { available: false, imports: [], problems: [...problems, `static reader answered no JSON: ${(error as Error).message}`] };
  }
}

function isImport(item: unknown): item is ImportedLibrary {
  const candidate = item as Partial<ImportedLibrary> | null;
  return typeof candidate?.module === 'string' && typeof candidate.file === 'string' && typeof candidate.line === 'number';
}
