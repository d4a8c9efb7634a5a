import { chmodSync, lstatSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What could not be removed, and why (`EBUSY`, `mount point`…). */
export interface RemoveFailure {
  path: string;
  reason: string;
}

/**
 * Removes a folder tree without ever following a link (a link is unlinked, its target untouched) and
 * without crossing into another file system: a mount left inside a run folder (a quota image, a bind
 * mount) is reported, not emptied. Read-only folders (the scenario's datasets) are made writable first so a
 * non-root user can remove what it created. Returns the failures; an empty list means the tree is gone.
 */
export function removeTree(root: string, options: { last?: string } = {}): RemoveFailure[] {
  const top = lstatSync(root, { throwIfNoEntry: false });
  if (!top) return [];
  const failures: RemoveFailure[] = [];
  remove(root, top.dev, failures, options.last);
  return failures;
}

/**
 * `last`: a top-level entry removed only once everything else is gone — the run folder's owner file, so a
 * folder that could not be fully removed still says whose it was and a later `cleanup` retries it.
 */
function remove(path: string, device: number, failures: RemoveFailure[], last?: string): void {
  let info;
  try {
    info = lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    failures.push({ path, reason: codeOf(error) });
    return;
  }
  if (!info) return;
  if (!info.isDirectory()) return attempt(path, failures, () => unlinkSync(path));
  if (info.dev !== device) {
    failures.push({ path, reason: 'mount point' });
    return;
  }
  try {
    chmodSync(path, 0o700);
  } catch {
    // Not ours to chmod (root-owned under a non-root user): removal below says whether it mattered.
  }
  let entries: string[] = [];
  try {
    entries = readdirSync(path);
  } catch (error) {
    failures.push({ path, reason: codeOf(error) });
    return;
  }
  const before = failures.length;
  for (const entry of entries) if (entry !== last) remove(join(path, entry), device, failures);
  // A folder still holding something that failed cannot go either; only the deepest cause is reported.
  if (failures.length > before) return;
  if (last && entries.includes(last)) remove(join(path, last), device, failures);
  attempt(path, failures, () => rmdirSync(path));
}

function attempt(path: string, failures: RemoveFailure[], action: () => void): void {
  try {
    action();
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    failures.push({ path, reason: codeOf(error) });
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
