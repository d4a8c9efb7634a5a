import { measureUsage } from '../quota/disk-usage.js';
import { stoppedOverQuota, stoppedUnmeasurable } from '../quota/quota-messages.js';
import type { ExecWatcher } from './exec-runner.js';

/** What the watch compares: the folders, what they held at start, and what may be added. */
export interface WatchedFolders {
  folders: string[];
  baselineBytes: number;
  quotaBytes: number;
}

/**
 * The fallback quota, used only where a filesystem of the quota's size cannot be made (see workspace-quota.ts):
 * it measures the folders during the exec and stops it once they hold more than the quota allows, or as soon
 * as they cannot be measured (an unreadable tree is a fault, never "0 bytes"). A fast writer can overshoot by
 * what it writes between two passes; the measurement after the exec reports it. Measuring a big tree is not
 * free, so the pause after a pass is at least 4 times the pass itself: the watch never takes more than a
 * fifth of a core, however many files the candidate's repository holds.
 */
export function diskQuotaWatcher(watched: WatchedFolders, intervalMs = 500): ExecWatcher {
  return (stop) => {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const pass = async () => {
      const started = Date.now();
      let added: number;
      try {
        added = (await measureUsage(watched.folders)).bytes - watched.baselineBytes;
      } catch (error) {
        if (!stopped) stop({ code: 'disk-unmeasurable', text: stoppedUnmeasurable(error as Error, watched.folders[0]) });
        return;
      }
      if (stopped) return;
      if (added > watched.quotaBytes) {
        stop({ code: 'disk-quota', text: stoppedOverQuota(added, watched.quotaBytes) });
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
