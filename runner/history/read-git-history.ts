import { t } from '../i18n.js';
import { DEFAULT_HISTORY_LIMITS, type GitHistory, type HistoryCommit, type HistoryLimits } from './git-history.js';
import { openGitShell } from './git-shell.js';
import { scanHistoryDiff } from './scan-history-diff.js';

export interface ReadHistoryOptions {
  /** Grader-owned folder for the git shell (runner/history/git-shell.ts). */
  scratchDir: string;
  /** The graded commit; default: the repository's HEAD. */
  commit?: string;
  /** The tip of the graded ref when a deadline picked an older commit: the commits in between were left out. */
  tip?: string;
  limits?: HistoryLimits;
}

/** The history and the secret values its `.env` diffs held: those go to the report's redactor, never into the evidence. */
export interface ReadHistory {
  history: GitHistory;
  secretValues: string[];
}

const FIELD = '\x1f';
const RECORD = '\x1e';
const FORMAT = `--format=%H${FIELD}%an${FIELD}%ae${FIELD}%aI${RECORD}`;

/**
 * Reads the graded commit's history from a repository folder (the clone, or the candidate's own folder), through
 * a git that never opens the candidate's `.git` as a repository. Never throws: a history that cannot be read is
 * `available: false` with why, and the checks say `error`.
 */
export async function readGitHistory(repositoryDir: string, options: ReadHistoryOptions): Promise<ReadHistory> {
  const limits = options.limits ?? DEFAULT_HISTORY_LIMITS;
  const shell = openGitShell(repositoryDir, options.scratchDir);
  if (!shell.ok) return { history: unavailable(shell.reason, shell.detail), secretValues: [] };
  try {
    const commit = options.commit ?? (await shell.git(['rev-parse', '--verify', 'HEAD^{commit}'])).stdout.trim();
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return { history: unavailable('unreadable', 'HEAD names no commit'), secretValues: [] };
    const total = Number((await shell.git(['rev-list', '--count', commit])).stdout.trim());
    const commits = parseLog((await shell.git(['log', '-n', String(limits.commits), FORMAT, commit])).stdout);
    const tip = options.tip && options.tip !== commit ? options.tip : undefined;
    const afterDeadlineTotal = tip ? Number((await shell.git(['rev-list', '--count', `${commit}..${tip}`])).stdout.trim()) : 0;
    const afterDeadline = tip ? parseLog((await shell.git(['log', '-n', String(limits.commits), FORMAT, `${commit}..${tip}`])).stdout) : [];
    const diff = await shell.git(['log', '-p', '--no-ext-diff', '--no-textconv', '--no-color', '--no-renames', '--unified=0', '--diff-filter=AM', '--format=%x00%H', '-n', String(limits.commits), commit], limits.diffBytes);
    const scanned = scanHistoryDiff(diff.stdout);
    return {
      history: {
        available: true,
        commit,
        commits,
        total,
        capped: total > commits.length,
        afterDeadline,
        afterDeadlineTotal,
        secrets: scanned.secrets,
        secretScan: { commits: scanned.commits, capped: diff.truncated || total > limits.commits },
      },
      secretValues: scanned.values,
    };
  } catch (error) {
    return { history: unavailable('unreadable', (error as Error).message.split('\n')[0] ?? ''), secretValues: [] };
  } finally {
    shell.dispose();
  }
}

function parseLog(stdout: string): HistoryCommit[] {
  return stdout
    .split(RECORD)
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [sha = '', author = '', email = '', date = ''] = record.split(FIELD);
      return { sha, author, email, date };
    });
}

function unavailable(reason: 'not-a-repository' | 'unsafe' | 'unreadable', detail: string): GitHistory {
  if (reason === 'not-a-repository') {
    return {
      available: false,
      reason,
      message: t("Le dossier rendu n'est pas un dépôt git : aucun historique à lire.", 'The submitted folder is not a git repository: no history to read.'),
    };
  }
  if (reason === 'unsafe') {
    return {
      available: false,
      reason,
      message: t(
        `Historique git non lu : ${detail} manque, est un lien, un fichier spécial ou renvoie à un autre dépôt, et rien n'est suivi hors du dépôt.`,
        `Git history not read: ${detail} is missing, a link, a special file or points to another repository, and nothing outside the repository is followed.`,
      ),
    };
  }
  return { available: false, reason, message: t(`Historique git illisible, git a répondu : ${detail}`, `Unreadable git history, git answered: ${detail}`) };
}
