import { existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MsprError } from '../errors.js';
import { cloneRepository, safeGit } from './clone-git.js';
import { copyDirectory, type CopyLimits, DEFAULT_COPY_LIMITS } from './copy-directory.js';
import { parseDeadline } from './parse-deadline.js';
import type { SubmissionInfo } from './submission-info.js';
import type { GitHistory } from '../history/git-history.js';
import { readGitHistory } from '../history/read-git-history.js';

export interface AcquireOptions {
  source: string;
  ref?: string;
  deadline?: string;
  /** Fresh, empty folder that becomes the workspace. */
  workspaceDir: string;
  /** Scratch folder for the clone before it is copied (and audited) into the workspace. */
  scratchDir: string;
  limits?: CopyLimits;
  /** Secret values the history held (its `.env` diffs): for the report's redactor, never kept in the evidence. */
  onSecrets?: (values: string[]) => void;
}

/** A source that is not a local folder but looks like something git can clone. */
export function looksLikeGitUrl(source: string): boolean {
  return /^(https?|ssh|git|file):\/\//.test(source) || /^[\w.-]+@[\w.-]+:/.test(source);
}

/**
 * Puts the candidate's code into a fresh workspace. A folder is copied as it stands (uncommitted work
 * included: that is what a candidate self-testing expects); a git URL, or a folder with --ref/--deadline,
 * is cloned at the chosen commit. Both paths go through the same audited copy.
 */
export async function acquireSubmission(options: AcquireOptions): Promise<SubmissionInfo> {
  const limits = options.limits ?? DEFAULT_COPY_LIMITS;
  if (options.deadline !== undefined) parseDeadline(options.deadline); // a bad date is refused before any copy or clone
  const localPath = resolve(options.source);
  const isDirectory = existsSync(localPath) && statSync(localPath).isDirectory();
  const wantsGit = looksLikeGitUrl(options.source) || (isDirectory && Boolean(options.ref || options.deadline));

  if (!wantsGit) {
    if (!isDirectory) throw unreadable(options.source);
    const copied = await copyDirectory(localPath, options.workspaceDir, limits);
    const history = await historyOf(localPath, options, {});
    return { source: options.source, kind: 'directory', ...(await headOf(localPath)), ...copied, history };
  }

  if (isDirectory && !existsSync(join(localPath, '.git'))) {
    throw new MsprError(
      'MSPR_SUBMISSION_UNREADABLE',
      { fr: `${options.source} n'est pas un dépôt git : --ref et --deadline demandent un historique.`, en: `${options.source} is not a git repository: --ref and --deadline need a history.` },
      { hint: { fr: 'Retirez --ref/--deadline, ou donnez un dépôt git.', en: 'Drop --ref/--deadline, or give a git repository.' } },
    );
  }
  const cloneDir = join(options.scratchDir, 'clone');
  try {
    const { tip, ...cloned } = await cloneRepository(isDirectory ? localPath : options.source, cloneDir, { ref: options.ref, deadline: options.deadline });
    const copied = await copyDirectory(cloneDir, options.workspaceDir, limits);
    const history = await historyOf(cloneDir, options, { commit: cloned.commit, tip });
    return { source: options.source, kind: 'git', ...cloned, ...copied, history };
  } finally {
    await rm(cloneDir, { recursive: true, force: true });
  }
}

/** The graded commit's history, read before the clone is removed; its `.env` secrets go to the redactor. */
async function historyOf(repositoryDir: string, options: AcquireOptions, at: { commit?: string; tip?: string }): Promise<GitHistory> {
  const read = await readGitHistory(repositoryDir, { scratchDir: options.scratchDir, ...at });
  options.onSecrets?.(read.secretValues);
  return read.history;
}

/** The commit a folder is at, when it is a git checkout: worth stating even when the tree is copied as is. */
async function headOf(directory: string): Promise<{ commit?: string; commitDate?: string }> {
  if (!existsSync(join(directory, '.git'))) return {};
  try {
    const line = (await safeGit(directory).raw(['log', '-1', '--format=%H %cI'])).trim();
    const [commit, commitDate] = line.split(' ');
    return commit ? { commit, commitDate } : {};
  } catch {
    return {};
  }
}

function unreadable(source: string): MsprError {
  return new MsprError(
    'MSPR_SUBMISSION_UNREADABLE',
    { fr: `Soumission introuvable : ${source} n'est ni un dossier ni une URL git.`, en: `Submission not found: ${source} is neither a folder nor a git URL.` },
    { hint: { fr: 'Donnez le chemin du dépôt du candidat ou son URL git.', en: "Give the path of the candidate's repository or its git URL." } },
  );
}
