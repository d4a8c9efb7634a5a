import { createHash } from 'node:crypto';
import { basename } from 'node:path';

/**
 * How mspr-lab recognises its own quota filesystems, so `mspr-lab cleanup` unmounts only those: the loop
 * device's backing file is named `<run tag>.mspr-lab-quota.img` and the filesystem carries the label
 * `mspr-lab-quota`. Both must match; a mount of anything else is never touched.
 */
export const QUOTA_LABEL = 'mspr-lab-quota';
const IMAGE_SUFFIX = '.mspr-lab-quota.img';
/** Folder beside the run's workspace holding the image and the filesystem's mount point. */
export const DISK_FOLDER = '.mspr-lab-disk';

/**
 * A file-name-safe tag for a run: run ids may hold anything, so the readable part is cleaned and cut,
 * and a hash of the whole id keeps two runs apart.
 */
export function runTag(runId: string): string {
  const safe = runId.normalize('NFKD').replace(/[^a-zA-Z0-9_.-]+/g, '-').replace(/^[^a-zA-Z0-9]+/, '').slice(0, 60);
  const hash = createHash('sha256').update(runId).digest('hex').slice(0, 8);
  return `${safe || 'run'}-${hash}`;
}

export function imageName(runId: string): string {
  return `${runTag(runId)}${IMAGE_SUFFIX}`;
}

/**
 * The run tag of a loop device's backing file when it is one of mspr-lab's images (the kernel appends
 * ` (deleted)` once the file is removed, e.g. by a run folder's removal while still attached).
 */
export function tagOfBackingFile(backingFile: string): string | undefined {
  const name = basename(backingFile.replace(/ \(deleted\)$/, ''));
  return name.endsWith(IMAGE_SUFFIX) && name.length > IMAGE_SUFFIX.length ? name.slice(0, -IMAGE_SUFFIX.length) : undefined;
}
