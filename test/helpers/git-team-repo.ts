import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One dated commit: files written (or copied from a fixture folder) before it. */
export interface DatedCommit {
  date: string;
  message: string;
  from?: string;
  files?: Record<string, string | Buffer>;
  /** Files removed before the commit (a secret committed, then deleted). */
  remove?: string[];
  /** Who wrote it (default: the team's shared `Équipe <equipe@ecole.fr>`). */
  author?: { name: string; email: string };
}

/**
 * A team's repository as a real git history with dated commits (author and committer date), so a deadline
 * picks a commit and counts those after it, as on a school's forge.
 */
export function gitTeamRepo(dir: string, commits: DatedCommit[]): string[] {
  const git = (args: string[], date?: string, author = { name: 'Équipe', email: 'equipe@ecole.fr' }) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    }).trim();
  execFileSync('mkdir', ['-p', dir]);
  git(['init', '-q', '-b', 'main']);
  const shas: string[] = [];
  for (const commit of commits) {
    if (commit.from) cpSync(commit.from, dir, { recursive: true });
    for (const [path, content] of Object.entries(commit.files ?? {})) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    for (const path of commit.remove ?? []) rmSync(join(dir, path), { force: true });
    git(['add', '-A']);
    git(['commit', '-q', '--allow-empty', '-m', commit.message], commit.date, commit.author);
    shas.push(git(['rev-parse', 'HEAD']));
  }
  return shas;
}
