import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExecWatcher } from './exec-runner.js';

/**
 * The workspace is a bind mount of a host folder, so a candidate filling it would fill the host's disk, and
 * overlay2 on ext4 offers no per-container quota. Two bounds instead: the `fsize` ulimit caps any single file
 * (kernel-enforced, instant), and this watch sums the written folders every `intervalMs` and stops the exec
 * once they pass the quota. A fast writer can overshoot by what it writes in one interval; that bound is
 * documented in docs/docker.md.
 */
export function diskQuotaWatcher(folders: string[], quotaBytes: number, intervalMs = 500): ExecWatcher {
  return (stop) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      usage(folders)
        .then((bytes) => {
          if (bytes > quotaBytes) stop(`disk-quota: ${Math.round(bytes / 2 ** 20)} MiB written, limit ${Math.round(quotaBytes / 2 ** 20)} MiB`);
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    }, intervalMs);
    return () => clearInterval(timer);
  };
}

/** Bytes used by regular files under the folders (allocated blocks, so sparse files count as what they use). */
export async function usage(folders: string[]): Promise<number> {
  let total = 0;
  for (const folder of folders) {
    const entries = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
    for (const entry of entries) {
      const stats = await lstat(join(folder, entry)).catch(() => undefined);
      if (stats?.isFile()) total += stats.blocks * 512;
    }
  }
  return total;
}
