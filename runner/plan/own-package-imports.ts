import { posix } from 'node:path';
import type { RepoFiles } from './repo-files.js';

const IMPORT = /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*))/gm;

/**
 * Whether code imports the repository's own package by its name from the root (`from src.etl import …`,
 * `import ia.src.ml`): Python only puts the script's folder on `sys.path`, so `python src/etl/build.py`
 * cannot import `src` unless the root is on PYTHONPATH, which is what teams' IDEs (and `pip install -e .`)
 * quietly do for them. A name the code's own folder provides is a sibling import, not the root's.
 */
export function importsOwnPackage(repo: RepoFiles, code: string, ownDir: string): boolean {
  const rootNames = rootPackages(repo);
  if (rootNames.size === 0) return false;
  for (const name of importedTopNames(code)) {
    if (!rootNames.has(name)) continue;
    if (ownDir !== '.' && (repo.isFile(posix.join(ownDir, `${name}.py`)) || repo.isDirectory(posix.join(ownDir, name)))) continue;
    return true;
  }
  return false;
}

/** The text Python will run for a step: a script or module file, or a notebook's code cells. */
export function codeOf(repo: RepoFiles, entry: string): string {
  const text = repo.text(entry, entry.endsWith('.ipynb') ? 8 * 1024 * 1024 : 512 * 1024) ?? '';
  if (!entry.endsWith('.ipynb')) return text;
  try {
    const notebook = JSON.parse(text) as { cells?: Array<{ cell_type?: string; source?: string | string[] }> };
    return (notebook.cells ?? [])
      .filter((cell) => cell.cell_type === 'code')
      .map((cell) => (Array.isArray(cell.source) ? cell.source.join('') : (cell.source ?? '')))
      .join('\n');
  } catch {
    return '';
  }
}

export function importedTopNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const match of code.matchAll(IMPORT)) {
    const modules = match[1] ? [match[1]] : match[2]!.split(',');
    for (const module of modules) {
      const top = module.trim().split('.')[0];
      if (top) names.add(top);
    }
  }
  return names;
}

/** Folders at the root holding Python code, and root-level modules: what `import X` can mean from there. */
function rootPackages(repo: RepoFiles): Set<string> {
  const names = new Set<string>();
  for (const path of repo.list()) {
    if (!path.endsWith('.py')) continue;
    const slash = path.indexOf('/');
    names.add(slash < 0 ? path.slice(0, -3) : path.slice(0, slash));
  }
  return names;
}
