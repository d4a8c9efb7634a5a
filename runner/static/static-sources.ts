import { FileRefusedError } from '../safe-read/file-refused.js';
import type { WorkspaceFiles } from '../evidence/workspace-files.js';

const MiB = 1024 * 1024;

/** Caps on what the grader hands the static reader: the team's files are hostile, their size is bounded. */
export const STATIC_SOURCE_LIMITS = {
  /** One script. */
  scriptBytes: 2 * MiB,
  /** One notebook, outputs included (only code cells are handed over). */
  notebookBytes: 32 * MiB,
  /** Files handed over in all. */
  files: 400,
  /** Source text handed over in all. */
  totalBytes: 24 * MiB,
};

/** Folders that hold installed packages or generated copies, not the team's code. */
const NOT_THEIRS = /(^|\/)(site-packages|dist-packages|env|\.env|\.tox|build|dist|\.eggs|\.mypy_cache|\.pytest_cache)\//;

/**
 * The team's scripts and notebooks, as text, read through the safe reader (no link out, no special file, capped).
 * A notebook is reduced to its code cells (a notebook of the same cells, without outputs), so the reader gets
 * no images and the cell indexes stay those of the file. What is left out is said in `problems`.
 */
export function staticSources(workspace: WorkspaceFiles, limits = STATIC_SOURCE_LIMITS): { files: Record<string, string>; problems: string[] } {
  const files: Record<string, string> = {};
  const problems: string[] = [];
  let total = 0;
  const candidates = workspace.list().filter((path) => /\.(py|ipynb)$/.test(path) && !NOT_THEIRS.test(path));
  for (const path of candidates) {
    if (Object.keys(files).length >= limits.files) {
      problems.push(`${path}: not read (more than ${limits.files} source files)`);
      continue;
    }
    const notebook = path.endsWith('.ipynb');
    let text: string;
    try {
      text = workspace.readText(path, notebook ? limits.notebookBytes : limits.scriptBytes);
    } catch (error) {
      if (!(error instanceof FileRefusedError)) throw error;
      problems.push(`${path}: not read (${error.text.en})`);
      continue;
    }
    if (notebook) text = codeCellsOnly(text);
    if (total + text.length > limits.totalBytes) {
      problems.push(`${path}: not read (the sources handed to the reader would exceed ${limits.totalBytes} bytes)`);
      continue;
    }
    total += text.length;
    files[path] = text;
  }
  return { files, problems };
}

/** A notebook with only its code cells' sources (markdown and outputs dropped); text that is not JSON is kept as is. */
function codeCellsOnly(text: string): string {
  let notebook: unknown;
  try {
    notebook = JSON.parse(text);
  } catch {
    return text; // the reader reports it as "not a notebook"
  }
  const cells = (notebook as { cells?: unknown })?.cells;
  if (!Array.isArray(cells)) return text;
  const code = cells
    .filter((cell): cell is { cell_type: string; source?: unknown } => typeof cell === 'object' && cell !== null && (cell as { cell_type?: unknown }).cell_type === 'code')
    .map((cell) => ({ cell_type: 'code', source: Array.isArray(cell.source) ? cell.source.map(String).join('') : String(cell.source ?? '') }));
  return JSON.stringify({ cells: code });
}
