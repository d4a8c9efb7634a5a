import type { GitHistory } from '../history/git-history.js';
import type { Localized } from '../i18n.js';

/** Where the graded code came from, as the report states it. */
export interface SubmissionInfo {
  /** What the user passed: a folder path or a git URL. */
  source: string;
  kind: 'directory' | 'git';
  /** Commit graded, when the source is a git repository. */
  commit?: string;
  commitDate?: string;
  ref?: string;
  /** The deadline asked with `--deadline`, and whether later commits were left out because of it. */
  deadline?: string;
  commitsAfterDeadline?: number;
  /** Files and links that were not copied into the workspace, with why (escaping symlinks, huge files). */
  refused: RefusedEntry[];
  fileCount: number;
  totalBytes: number;
  /** The graded commit's git history (runner/history), or why there is none; absent in reports made before it existed. */
  history?: GitHistory;
  /** Team members as the roster lists them (a batch's `members` column): who the history is compared with. */
  members?: string[];
}

export interface RefusedEntry {
  path: string;
  reason: 'symlink-escapes' | 'too-large' | 'special-file' | 'total-size-exceeded';
  message: Localized;
}
