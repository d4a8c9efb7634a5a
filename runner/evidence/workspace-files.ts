import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { decodeText } from './decode-text.js';

/** Read-only access to a folder of candidate files; paths are relative, with `/` separators. */
export interface WorkspaceFiles {
  readonly root: string;
  /** Absolute path for a relative one; throws when the path leaves the folder. */
  resolve(relativePath: string): string;
  exists(relativePath: string): boolean;
  readText(relativePath: string): string;
  readBytes(relativePath: string): Buffer;
  /** Every regular file, relative, sorted; `.git` and caches are left out. */
  list(): readonly string[];
}

const IGNORED_DIRS = new Set(['.git', 'node_modules', '__pycache__', '.ipynb_checkpoints', '.venv', 'venv', '.mspr']);

export function workspaceFiles(root: string): WorkspaceFiles {
  let listing: string[] | undefined;
  const safeResolve = (relativePath: string): string => {
    const absolute = resolve(root, relativePath);
    const rel = relative(root, absolute);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new Error(`path leaves the workspace: ${relativePath}`);
    }
    return absolute;
  };
  return {
    root,
    resolve: safeResolve,
    exists: (relativePath) => existsSync(safeResolve(relativePath)),
    readText: (relativePath) => decodeText(readFileSync(safeResolve(relativePath))).text,
    readBytes: (relativePath) => readFileSync(safeResolve(relativePath)),
    list: () => (listing ??= walk(root, '').sort()),
  };
}

function walk(root: string, prefix: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) found.push(...walk(root, rel));
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFileTarget(join(root, rel)))) {
      found.push(rel);
    }
  }
  return found;
}

function isFileTarget(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
