import { copyFile, lstat, mkdir, readdir, readlink, realpath, symlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { t } from '../i18n.js';
import type { RefusedEntry } from './submission-info.js';

export interface CopyLimits {
  /** A single file above this is left out (datasets belong in the scenario, not in a 2 GB commit). */
  maxFileBytes: number;
  /** Copying stops adding files past this total. */
  maxTotalBytes: number;
}

export const DEFAULT_COPY_LIMITS: CopyLimits = { maxFileBytes: 200 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024 };

export interface CopyResult {
  refused: RefusedEntry[];
  fileCount: number;
  totalBytes: number;
}

/**
 * Copies a candidate's tree into a fresh workspace. Symlinks that resolve outside the tree are not copied
 * (a link to `/etc` or `~/.ssh` would hand the candidate's code the grader's files); links inside the tree
 * are recreated as relative links. Oversized and special files are left out. Everything left out is
 * returned so the report can say so.
 */
export async function copyDirectory(from: string, to: string, limits: CopyLimits = DEFAULT_COPY_LIMITS): Promise<CopyResult> {
  const root = await realpath(from);
  const state: CopyResult = { refused: [], fileCount: 0, totalBytes: 0 };
  await mkdir(to, { recursive: true });
  await copyTree(root, root, to, limits, state);
  return state;
}

async function copyTree(root: string, dir: string, target: string, limits: CopyLimits, state: CopyResult): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const source = join(dir, entry.name);
    const destination = join(target, entry.name);
    const rel = relative(root, source);
    const info = await lstat(source);
    if (info.isSymbolicLink()) {
      await copyLink(root, source, destination, rel, state);
    } else if (info.isDirectory()) {
      await mkdir(destination, { recursive: true });
      await copyTree(root, source, destination, limits, state);
    } else if (info.isFile()) {
      if (info.size > limits.maxFileBytes) {
        state.refused.push(refusal(rel, 'too-large', `${info.size} octets > ${limits.maxFileBytes}`, `${info.size} bytes > ${limits.maxFileBytes}`));
      } else if (state.totalBytes + info.size > limits.maxTotalBytes) {
        state.refused.push(refusal(rel, 'total-size-exceeded', `total > ${limits.maxTotalBytes} octets`, `total > ${limits.maxTotalBytes} bytes`));
      } else {
        await copyFile(source, destination);
        state.fileCount++;
        state.totalBytes += info.size;
      }
    } else {
      state.refused.push(refusal(rel, 'special-file', 'fichier spécial (FIFO, socket, périphérique)', 'special file (FIFO, socket, device)'));
    }
  }
}

async function copyLink(root: string, source: string, destination: string, rel: string, state: CopyResult): Promise<void> {
  const target = await readlink(source);
  const lexical = resolve(dirname(source), target);
  // Follow the whole chain when the target exists: a link to a link to /etc escapes too.
  const resolved = await realpath(source).catch(() => lexical);
  if (!isInside(root, resolved) || !isInside(root, lexical)) {
    state.refused.push(
      refusal(rel, 'symlink-escapes', `lien symbolique vers ${target}, hors du dépôt : non copié`, `symbolic link to ${target}, outside the repository: not copied`),
    );
    return;
  }
  const relativeTarget = isAbsolute(target) ? relative(dirname(source), lexical) : target;
  await symlink(relativeTarget, destination);
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

function refusal(path: string, reason: RefusedEntry['reason'], fr: string, en: string): RefusedEntry {
  return { path, reason, message: t(`${path} : ${fr}`, `${path}: ${en}`) };
}
