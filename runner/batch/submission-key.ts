import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { looksLikeGitUrl } from '../submission/acquire-submission.js';
import { resolveCommit, safeGit } from '../submission/clone-git.js';
import { parseDeadline } from '../submission/parse-deadline.js';
import type { SubmissionInfo } from '../submission/submission-info.js';
import type { RosterEntry } from './roster.js';

const SKIPPED_DIRS = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv', '.ipynb_checkpoints']);
const MAX_FINGERPRINT_ENTRIES = 100_000;

/**
 * What a graded submission was, to tell on a re-run whether the team has something new: the commit for a
 * git source (`git:<sha>`), a fingerprint of names, sizes and modification times for a folder graded as it
 * stands (`tree:<sha256>`, uncommitted work included, as `check` grades it).
 */
export function keyOfGraded(submission: SubmissionInfo, entry: RosterEntry): string | null {
  if (submission.kind === 'git' && submission.commit) return `git:${submission.commit}`;
  return folderFingerprint(entry.source);
}

/**
 * The same key, found without grading: for git, a bare clone without file contents (`--filter=blob:none`)
 * resolves the ref and the deadline as `check` does; for a folder, its fingerprint. Undefined when it cannot
 * be told (unreachable remote…): the team is then graded again, and its own run says what went wrong.
 */
export async function probeSubmissionKey(entry: RosterEntry, deadline: string | undefined, scratch: string): Promise<string | undefined> {
  const local = resolve(entry.source);
  const isDirectory = existsSync(local) && statSync(local).isDirectory();
  const wantsGit = looksLikeGitUrl(entry.source) || (isDirectory && Boolean(entry.ref || deadline));
  if (!wantsGit) return folderFingerprint(entry.source) ?? undefined;
  const dir = mkdtempSync(join(scratch, 'probe-'));
  try {
    await safeGit(scratch).clone(isDirectory ? local : entry.source, dir, ['--bare', '--filter=blob:none', '--no-recurse-submodules', '--quiet']);
    const git = safeGit(dir);
    const tip = await resolveCommit(git, entry.ref ?? 'HEAD');
    if (!deadline) return `git:${tip}`;
    const before = (await git.raw(['rev-list', '-1', `--before=@${parseDeadline(deadline).epochSeconds}`, tip])).trim();
    return before ? `git:${before}` : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Names, sizes and times of a folder's files (no link followed); null when it is not a folder or is huge. */
function folderFingerprint(source: string): string | null {
  const root = resolve(source);
  if (!existsSync(root) || !statSync(root).isDirectory()) return null;
  const hash = createHash('sha256');
  let entries = 0;
  const walk = (dir: string, rel: string): boolean => {
    for (const name of readdirSync(dir).sort()) {
      if (++entries > MAX_FINGERPRINT_ENTRIES) return false;
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        if (!SKIPPED_DIRS.has(name) && !walk(path, `${rel}${name}/`)) return false;
      } else hash.update(`${rel}${name}\0${stat.size}\0${Math.round(stat.mtimeMs)}\0${stat.isSymbolicLink() ? 'l' : 'f'}\n`);
    }
    return true;
  };
  return walk(root, '') ? `tree:${hash.digest('hex')}` : null;
}
