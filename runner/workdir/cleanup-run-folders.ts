import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning } from './process-identity.js';
import { OWNER_FILE, readOwner } from './run-folder.js';
import { type RemoveFailure, removeTree } from './remove-tree.js';

/** What `mspr-lab cleanup` did with the run folders of a work root. */
export interface RunFolderCleanup {
  /** Removed: their mspr-lab process is gone (kill -9, a fatal crash), or `--run` named them. */
  removed: string[];
  /** Left alone: their mspr-lab process still runs. */
  running: Array<{ path: string; pid: number }>;
  /** Left alone: kept on purpose with `--keep-workspace` (removed only by `--run <id>`). */
  kept: string[];
  /** Left alone: no owner file (made by an older mspr-lab, or not a run folder); `--run <id>` removes one. */
  unowned: string[];
  failed: RemoveFailure[];
}

/**
 * Removes the run folders (candidate's copy, datasets, trace) that no live mspr-lab process owns. A
 * folder's owner is the pid and start time written in it at creation, checked against /proc, so a
 * running grade is never touched, even one started by another user or another work root's cleanup.
 * With `runId`, only that run's folder is considered, and it is removed even when kept or unowned —
 * but never while its owner runs.
 */
export function cleanupRunFolders(options: { workRoot: string; runId?: string }): RunFolderCleanup {
  const result: RunFolderCleanup = { removed: [], running: [], kept: [], unowned: [], failed: [] };
  for (const name of listFolders(options.workRoot)) {
    if (options.runId !== undefined && name !== options.runId) continue;
    const path = join(options.workRoot, name);
    const owner = readOwner(path);
    if (owner && isRunning(owner)) {
      result.running.push({ path, pid: owner.pid });
      continue;
    }
    if (options.runId === undefined) {
      if (!owner) {
        result.unowned.push(path);
        continue;
      }
      if (owner.kept) {
        result.kept.push(path);
        continue;
      }
    }
    const failures = removeTree(path, { last: OWNER_FILE });
    if (failures.length === 0) result.removed.push(path);
    else result.failed.push(...failures);
  }
  return result;
}

function listFolders(workRoot: string): string[] {
  let names: string[];
  try {
    names = readdirSync(workRoot);
  } catch {
    return [];
  }
  // Real folders only: a link in the work root is nobody's run folder, and is never followed.
  return names.filter((name) => lstatSync(join(workRoot, name), { throwIfNoEntry: false })?.isDirectory()).sort();
}
