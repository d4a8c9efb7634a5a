import type { Localized } from '../i18n.js';

/** One commit as the history evidence keeps it: who (as git recorded it), when, never the diff. */
export interface HistoryCommit {
  sha: string;
  author: string;
  email: string;
  /** Author date, ISO 8601 with the author's offset: the day a member worked, as they saw it. */
  date: string;
}

/** A secret added by a commit of the graded history: where, what kind, never the value. */
export interface HistorySecret {
  commit: string;
  path: string;
  /** Line in the file as that commit wrote it. */
  line: number;
  /** The format's name (`AWS access key id`, `password in a URL`…) or `.env value`. */
  kind: string;
  /** The variable's name for a `.env` entry. */
  name?: string;
}

/**
 * The git history of the graded commit, read by the runner at acquisition (checks never start git): the
 * commits up to it, newest first, and those after the deadline that were left out, each list capped; and
 * the secrets its diffs added. `available: false` says why there is none (a folder that is not a
 * repository, a `.git` that points elsewhere).
 */
export type GitHistory =
  | {
      available: true;
      /** The graded commit. */
      commit: string;
      commits: HistoryCommit[];
      /** Commits up to the graded one in all; more than `commits.length` when the list is capped. */
      total: number;
      capped: boolean;
      /** Commits on the graded ref after the deadline (left out of the grading), capped like `commits`. */
      afterDeadline: HistoryCommit[];
      afterDeadlineTotal: number;
      secrets: HistorySecret[];
      /** How much of the diffs was read for secrets: commits, and whether the byte cap stopped the reading. */
      secretScan: { commits: number; capped: boolean };
    }
  | { available: false; reason: 'not-a-repository' | 'unsafe' | 'unreadable'; message: Localized };

/** Caps on what the history evidence holds: a report lists commits, it is not a `git log`. */
export interface HistoryLimits {
  commits: number;
  diffBytes: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { commits: 1000, diffBytes: 32 * 1024 * 1024 };
