import { simpleGit, type SimpleGit } from 'simple-git';
import { MsprError } from '../errors.js';
import { parseDeadline } from './parse-deadline.js';

/** Config on every git call: candidate repositories must never get to run code through git itself. */
const SAFE_GIT_CONFIG = ['core.hooksPath=/dev/null', 'core.fsmonitor=false', 'protocol.ext.allow=never', 'submodule.recurse=false'];

export interface ClonedRepository {
  commit: string;
  commitDate: string;
  ref?: string;
  deadline?: string;
  commitsAfterDeadline?: number;
}

/**
 * A git client with hooks off and a bounded wait, so a hung remote cannot stall a whole batch. simple-git
 * refuses any `-c core.hooksPath` / `core.fsmonitor` / protocol override because a hostile value would be
 * dangerous; ours are the values that disable those features, so they are allowed explicitly.
 */
export function safeGit(baseDir: string): SimpleGit {
  return simpleGit({
    baseDir,
    config: SAFE_GIT_CONFIG,
    timeout: { block: 120_000 },
    unsafe: { allowUnsafeHooksPath: true, allowUnsafeFsMonitor: true, allowUnsafeProtocolOverride: true },
  });
}

/**
 * Clones a repository and checks out the commit to grade: `ref` (branch, tag or sha) or HEAD, and with a
 * deadline, the last commit on it made before the deadline. Commits after the deadline are counted so the
 * report can say they were left out.
 */
export async function cloneRepository(source: string, destination: string, options: { ref?: string; deadline?: string }): Promise<ClonedRepository> {
  // Refused (MSPR_USAGE) before anything is cloned; git is then given seconds, never a date to guess at.
  const deadline = options.deadline === undefined ? undefined : parseDeadline(options.deadline);
  try {
    await safeGit(process.cwd()).clone(source, destination, ['--no-checkout', '--no-recurse-submodules']);
    const git = safeGit(destination);
    const tip = await resolveCommit(git, options.ref ?? 'HEAD');
    let commit = tip;
    let commitsAfterDeadline: number | undefined;
    if (deadline) {
      const beforeDeadline = (await git.raw(['rev-list', '-1', `--before=@${deadline.epochSeconds}`, tip])).trim();
      if (!beforeDeadline) throw noCommitBeforeDeadline(deadline.iso);
      commit = beforeDeadline;
      commitsAfterDeadline = Number((await git.raw(['rev-list', '--count', `${commit}..${tip}`])).trim());
    }
    await git.checkout(['--detach', commit]);
    const commitDate = (await git.show(['-s', '--format=%cI', commit])).trim();
    return { commit, commitDate, ref: options.ref, deadline: deadline?.iso, commitsAfterDeadline };
  } catch (error) {
    if (error instanceof MsprError) throw error;
    const said = gitSaid((error as Error).message, destination, source);
    throw new MsprError(
      'MSPR_GIT_FAILED',
      { fr: `Impossible de récupérer ${source} : ${said}`, en: `Cannot fetch ${source}: ${said}` },
      { hint: { fr: 'Vérifiez l’URL, les droits d’accès et --ref.', en: 'Check the URL, access rights and --ref.' }, cause: error },
    );
  }
}

/** Tags and shas resolve as given; a branch name is looked up on the remote (a fresh clone has no local branches). */
export async function resolveCommit(git: SimpleGit, ref: string): Promise<string> {
  for (const candidate of [ref, `origin/${ref}`]) {
    const sha = await git.revparse([`${candidate}^{commit}`]).catch(() => '');
    if (sha.trim()) return sha.trim();
  }
  throw new MsprError('MSPR_GIT_FAILED', { fr: `Référence introuvable : ${ref}.`, en: `Unknown ref: ${ref}.` }, {
    hint: { fr: 'Donnez une branche, un tag ou un sha existant avec --ref.', en: 'Give an existing branch, tag or sha with --ref.' },
  });
}

/**
 * What git said, for the report and the gradebook: its own `fatal:`/`error:` lines (git's first line is
 * "Cloning into '<scratch>'…", which names the grader's scratch folder and says nothing), with any mention of
 * the grader's folder replaced by the repository's URL, so a reason never leaks the machine's layout.
 */
export function gitSaid(message: string, destination: string, source: string): string {
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  const own = lines.filter((line) => /^(fatal|error):/i.test(line));
  const said = (own.length > 0 ? own : lines.filter((line) => !/^Cloning into /.test(line)).slice(0, 1)).join(' ');
  return said.split(destination).join(source) || '?';
}

function noCommitBeforeDeadline(deadline: string): MsprError {
  return new MsprError('MSPR_GIT_FAILED', {
    fr: `Aucun commit avant l’échéance ${deadline}.`,
    en: `No commit before the deadline ${deadline}.`,
  });
}
