import type { WorkspaceFiles } from '../../runner/evidence/workspace-files.js';
import type { RepoFiles } from '../../runner/plan/repo-files.js';

/**
 * The run plan's view of a repository (runner/plan/repo-files.ts) over the check's workspace, so a check reads the
 * README with the plan's own parser through the evidence's safe reader: a file the reader refuses reads as absent.
 */
export function workspaceRepo(workspace: WorkspaceFiles): RepoFiles {
  const listed = () => workspace.list();
  return {
    root: workspace.root,
    text(path, maxBytes) {
      try {
        return workspace.readText(path, maxBytes);
      } catch {
        return undefined;
      }
    },
    isFile(path) {
      try {
        return workspace.statFile(path) !== undefined;
      } catch {
        return false;
      }
    },
    isDirectory: (path) => path === '.' || path === '' || listed().some((file) => file.startsWith(`${path.replace(/\/$/, '')}/`)),
    list: listed,
  };
}
