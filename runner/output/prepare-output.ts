import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { DirectoryError, makeDirectory } from './make-directory.js';
import { type OutputOption, outputUnwritable } from './output-unwritable.js';

/**
 * Makes sure mspr-lab can write in a folder before it spends minutes grading: creates it when missing, then
 * writes and removes a small probe file. A file in the way, a folder without write permission, a read-only
 * or full disk, or a path under /proc are refused at once with `MSPR_OUTPUT_UNWRITABLE`. Writing can still
 * fail later (the disk fills during the run): {@link writeFileAtomic} then leaves no partial file.
 */
export function prepareOutputFolder(path: string, option: OutputOption): string {
  const absolute = resolve(path);
  try {
    makeDirectory(absolute);
    const probe = join(absolute, `.mspr-write-probe-${process.pid}`);
    writeFileAtomic(probe, 'mspr-lab write probe\n');
    rmSync(probe, { force: true });
  } catch (error) {
    throw asOutputError(error, absolute, option);
  }
  return absolute;
}

/** Words a file-system failure while writing under `path` as `MSPR_OUTPUT_UNWRITABLE`. */
export function asOutputError(error: unknown, path: string, option: OutputOption): Error {
  if (error instanceof DirectoryError) return outputUnwritable(error.path, error.reason, option, error);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return outputUnwritable(path, code, option, error);
  return error instanceof Error ? error : new Error(String(error));
}
