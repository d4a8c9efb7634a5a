import { posix } from 'node:path';
import ignore from 'ignore';
import type { WorkspaceFiles } from '../evidence/workspace-files.js';

/** The `.gitignore` rule that excludes a path, and the file it is written in. */
export interface IgnoreMatch {
  gitignore: string;
  pattern: string;
}

const MAX_BYTES = 256 * 1024;

/**
 * Whether the repository's `.gitignore` files exclude `path` (relative, `/` separators), with git's rules:
 * each file applies below its own folder, deeper files win, directory patterns exclude what is inside
 * (node-ignore's `checkIgnore`, the equivalent of `git check-ignore -v`).
 */
export function gitignoreMatch(workspace: WorkspaceFiles, path: string): IgnoreMatch | undefined {
  const files = workspace.list().filter((file) => file === '.gitignore' || file.endsWith('/.gitignore'));
  // Deepest first: a nested .gitignore decides over its parents for what lies below it.
  const applicable = files
    .map((file) => ({ file, base: posix.dirname(file) === '.' ? '' : posix.dirname(file) }))
    .filter(({ base }) => base === '' || path.startsWith(`${base}/`))
    .sort((a, b) => b.base.length - a.base.length);
  for (const { file, base } of applicable) {
    let text: string;
    try {
      if (workspace.readBytes(file).length > MAX_BYTES) continue;
      text = workspace.readText(file);
    } catch {
      continue;
    }
    const relative = base ? path.slice(base.length + 1) : path;
    if (!ignore.isPathValid(relative)) continue;
    const result = ignore().add(text).checkIgnore(relative);
    if (result.ignored) return { gitignore: file, pattern: result.rule?.pattern ?? relative };
    if (result.unignored) return undefined;
  }
  return undefined;
}
