import { execFileSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One dated commit: files written (or copied from a fixture folder) before it. */
export interface DatedCommit {
  date: string;
  message: string;
  from?: string;
  files?: Record<string, string>;
}

/**
 * A team's repository as a real git history with dated commits (author and committer date), so a deadline
 * picks a commit and counts those after it, as on a school's forge.
 */
export function gitTeamRepo(dir: string, commits: DatedCommit[]): string[] {
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Équipe', GIT_AUTHOR_EMAIL: 'equipe@ecole.fr', GIT_COMMITTER_NAME: 'Équipe', GIT_COMMITTER_EMAIL: 'equipe@ecole.fr', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    }).trim();
  execFileSync('mkdir', ['-p', dir]);
  git(['init', '-q', '-b', 'main']);
  const shas: string[] = [];
  for (const commit of commits) {
    if (commit.from) cpSync(commit.from, dir, { recursive: true });
    for (const [path, content] of Object.entries(commit.files ?? {})) writeFileSync(join(dir, path), content);
    git(['add', '-A']);
    git(['commit', '-q', '--allow-empty', '-m', commit.message], commit.date);
    shas.push(git(['rev-parse', 'HEAD']));
  }
  return shas;
}
