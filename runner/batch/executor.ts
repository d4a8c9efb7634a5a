import type { RunReport } from '../../reports/report.js';
import type { ProgressListener } from '../progress.js';
import type { RosterEntry } from './roster.js';

/** One team to grade, as the batch hands it to an executor. */
export interface TeamJob {
  entry: RosterEntry;
  /** The team's deadline, or the batch's `--deadline`. */
  deadline?: string;
  /** Where the team's kept evidence goes (`<out>/teams/<team>/evidence`). */
  evidenceDir: string;
}

/**
 * Grades one team and hands back its report. The local one calls `runSubmission` in this process; another
 * engine (Swarm, Kubernetes Jobs, see docs/scale.md) would start a job holding the grader image and read
 * its report back: the batch logic (pool, store, gradebook) does not change.
 */
export interface TeamExecutor {
  readonly name: string;
  grade(job: TeamJob, onProgress: ProgressListener): Promise<RunReport>;
}

/**
 * Runs `work` over `items` with at most `limit` at once, in order of the list; `work` must not throw (a
 * team's failure is its result). Stops taking new items once `stopped()` says so (Ctrl-C): those in flight end.
 */
export async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, stopped: () => boolean = () => false): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !stopped()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
