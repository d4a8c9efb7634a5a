import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { t } from '../../i18n.js';
import type { ExecWatcher } from './exec-runner.js';

/**
 * The workspace is a bind mount of a host folder, so a candidate filling it would fill the host's disk, and
 * overlay2 on ext4 offers no per-container quota. Two bounds instead: the `fsize` ulimit caps any single file
 * (kernel-enforced, instant), and this watch sums the written folders and stops the exec once they pass the
 * quota. A fast writer can overshoot by what it writes between two measurements; docs/docker.md says so.
 * Measuring a big tree is not free, so the pause after a pass is at least 4 times the pass itself: the watch
 * never takes more than a fifth of a core, however many files the candidate's repository holds.
 */
export function diskQuotaWatcher(folders: string[], quotaBytes: number, intervalMs = 500): ExecWatcher {
  return (stop) => {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const pass = async () => {
      const started = Date.now();
      const bytes = await usage(folders).catch(() => 0);
      if (stopped) return;
      if (bytes > quotaBytes) {
        const [mib, limit] = [Math.round(bytes / 2 ** 20), Math.round(quotaBytes / 2 ** 20)];
        stop({
          code: 'disk-quota',
          text: t(`arrêté : ${mib} Mio dans l'espace de travail, limite ${limit} Mio`, `stopped: ${mib} MiB in the workspace, limit ${limit} MiB`),
        });
        return;
      }
      timer = setTimeout(pass, Math.max(intervalMs, 4 * (Date.now() - started)));
    };
    timer = setTimeout(pass, intervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  };
}

/** Bytes used by regular files under the folders (allocated blocks, so sparse files count as what they use). */
export async function usage(folders: string[]): Promise<number> {
  let total = 0;
  for (const folder of folders) {
    const entries = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
    // Batches keep libuv's thread pool busy without queueing 100 000 stat calls at once.
    for (let i = 0; i < entries.length; i += 256) {
      const stats = await Promise.all(entries.slice(i, i + 256).map((entry) => lstat(join(folder, entry)).catch(() => undefined)));
      for (const stat of stats) if (stat?.isFile()) total += stat.blocks * 512;
    }
  }
  return total;
}
