import { posix } from 'node:path';
import type { RepoFiles } from './repo-files.js';
import { emptyFindings, type SourceFindings } from './run-plan.js';
import { notebookCwd, workspacePath } from './working-directory.js';

/**
 * Notebooks in the order a team numbers them: `01_exploration`, `02_modelisation`, `10_rapport` (numbers
 * compared as numbers), then the unnumbered ones by path. Each runs from its own folder, as in Jupyter.
 */
export function notebookFindings(repo: RepoFiles): SourceFindings {
  const findings = emptyFindings();
  for (const entry of orderNotebooks(repo.list().filter((path) => path.endsWith('.ipynb')))) {
    findings.steps.push({ kind: 'notebook', run: [entry], cwd: notebookCwd(entry), reason: `${entry} (notebook)`, entry });
  }
  return findings;
}

export function orderNotebooks(paths: readonly string[]): string[] {
  const prefix = (path: string) => {
    const match = /^(\d+)/.exec(posix.basename(path));
    return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
  };
  return [...paths].sort((a, b) => prefix(a) - prefix(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The notebooks a command names from `cwd`, globs included (`notebooks/*.ipynb`), in notebook order. */
export function notebookFiles(repo: RepoFiles, cwd: string, pattern: string): string[] {
  const path = workspacePath(cwd, pattern);
  if (!path) return [];
  if (!/[*?]/.test(path)) return repo.isFile(path) ? [path] : [];
  const regex = new RegExp(`^${path.split('*').map((part) => part.split('?').map(escape).join('[^/]')).join('[^/]*')}$`);
  return orderNotebooks(repo.list().filter((file) => regex.test(file)));
}

function escape(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}
