import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireSubmission } from '../../runner/submission/acquire-submission.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'mspr-acquire-'));

function repoWith(files: Record<string, string>): string {
  const root = scratch();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function git(cwd: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Ana', GIT_AUTHOR_EMAIL: 'ana@example.org', GIT_COMMITTER_NAME: 'Ana', GIT_COMMITTER_EMAIL: 'ana@example.org' };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env, encoding: 'utf8' }).trim();
}

async function acquire(source: string, options: { ref?: string; deadline?: string; limits?: { maxFileBytes: number; maxTotalBytes: number } } = {}) {
  const run = scratch();
  const workspaceDir = join(run, 'workspace');
  const info = await acquireSubmission({ source, workspaceDir, scratchDir: run, ...options });
  return { info, workspaceDir };
}

describe('submission from a folder', () => {
  it('refuses symlinks that leave the repository, and keeps the ones inside', async () => {
    const repo = repoWith({ 'main.py': 'print(1)\n', 'data/ventes.csv': 'a\n1\n' });
    const outside = repoWith({ 'secret.txt': 'grader secret\n' });
    symlinkSync('/etc/passwd', join(repo, 'passwd'));
    symlinkSync(join(outside, 'secret.txt'), join(repo, 'data/secret.txt'));
    symlinkSync('../../', join(repo, 'data/up'));
    symlinkSync('ventes.csv', join(repo, 'data/latest.csv'));
    symlinkSync(join(repo, 'data/ventes.csv'), join(repo, 'absolute-inside.csv'));

    const { info, workspaceDir } = await acquire(repo);

    expect(info.refused.map((r) => [r.path, r.reason]).sort()).toEqual([
      ['data/secret.txt', 'symlink-escapes'],
      ['data/up', 'symlink-escapes'],
      ['passwd', 'symlink-escapes'],
    ]);
    expect(info.refused.find((r) => r.path === 'passwd')!.message.en).toBe('passwd: symbolic link to /etc/passwd, outside the repository: not copied');
    expect(existsSync(join(workspaceDir, 'passwd'))).toBe(false);
    expect(lstatSync(join(workspaceDir, 'data/secret.txt'), { throwIfNoEntry: false })).toBeUndefined();
    expect(readlinkSync(join(workspaceDir, 'data/latest.csv'))).toBe('ventes.csv');
    // An absolute link into the repository is rewritten relative, so it points into the copy, not the original.
    expect(readlinkSync(join(workspaceDir, 'absolute-inside.csv'))).toBe('data/ventes.csv');
    expect(readFileSync(join(workspaceDir, 'absolute-inside.csv'), 'utf8')).toBe('a\n1\n');
    expect(info.fileCount).toBe(2);
  });

  it('leaves out oversized files and special files, and says so', async () => {
    const repo = repoWith({ 'main.py': 'print(1)\n', 'data/huge.csv': 'x'.repeat(5000) });
    execFileSync('mkfifo', [join(repo, 'pipe')]);
    const { info, workspaceDir } = await acquire(repo, { limits: { maxFileBytes: 1000, maxTotalBytes: 10_000 } });
    expect(info.refused.map((r) => [r.path, r.reason]).sort()).toEqual([
      ['data/huge.csv', 'too-large'],
      ['pipe', 'special-file'],
    ]);
    expect(existsSync(join(workspaceDir, 'data/huge.csv'))).toBe(false);
    expect(existsSync(join(workspaceDir, 'main.py'))).toBe(true);
  });

  it('fails clearly on a path that does not exist', async () => {
    await expect(acquire('/nonexistent/team-3')).rejects.toMatchObject({ code: 'MSPR_SUBMISSION_UNREADABLE' });
  });
});

describe('submission from git', () => {
  function historyRepo(): { repo: string; first: string; second: string; third: string } {
    const repo = repoWith({ 'main.py': 'print("v1")\n' });
    git(repo, ['init', '-q']);
    git(repo, ['add', '.']);
    git(repo, ['commit', '-qm', 'v1'], '2026-06-01T10:00:00+02:00');
    const first = git(repo, ['rev-parse', 'HEAD']);
    writeFileSync(join(repo, 'main.py'), 'print("v2")\n');
    git(repo, ['commit', '-qam', 'v2'], '2026-06-20T10:00:00+02:00');
    const second = git(repo, ['rev-parse', 'HEAD']);
    git(repo, ['tag', 'rendu']);
    writeFileSync(join(repo, 'main.py'), 'print("v3 late")\n');
    git(repo, ['commit', '-qam', 'v3'], '2026-07-02T10:00:00+02:00');
    const third = git(repo, ['rev-parse', 'HEAD']);
    return { repo, first, second, third };
  }

  it('grades the last commit before the deadline and counts the later ones', async () => {
    const { repo, second } = historyRepo();
    const { info, workspaceDir } = await acquire(repo, { deadline: '2026-06-30T23:59:00+02:00' });
    expect(info).toMatchObject({ kind: 'git', commit: second, deadline: '2026-06-30T23:59:00+02:00', commitsAfterDeadline: 1 });
    expect(info.commitDate).toBe('2026-06-20T10:00:00+02:00');
    expect(readFileSync(join(workspaceDir, 'main.py'), 'utf8')).toBe('print("v2")\n');
  });

  it('checks out --ref (tag, sha or branch)', async () => {
    const { repo, first, second, third } = historyRepo();
    expect((await acquire(repo, { ref: 'rendu' })).info.commit).toBe(second);
    expect((await acquire(repo, { ref: first })).info.commit).toBe(first);
    expect((await acquire(repo, { ref: 'main' })).info.commit).toBe(third);
  });

  it('reads a file:// URL too, and copies the working tree without running hooks', async () => {
    const { repo, third } = historyRepo();
    const { info, workspaceDir } = await acquire(`file://${repo}`);
    expect(info.commit).toBe(third);
    expect(existsSync(join(workspaceDir, '.git'))).toBe(true);
  });

  it('never runs git hooks, even ones a template directory installs into the clone', async () => {
    const { repo } = historyRepo();
    const templates = scratch();
    const marker = join(scratch(), 'hook-ran');
    mkdirSync(join(templates, 'hooks'));
    writeFileSync(join(templates, 'hooks/post-checkout'), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    process.env.GIT_TEMPLATE_DIR = templates;
    try {
      const { workspaceDir } = await acquire(repo, { ref: 'main' });
      expect(existsSync(join(workspaceDir, '.git/hooks/post-checkout'))).toBe(true); // installed by the template…
      expect(existsSync(marker)).toBe(false); // …and never executed
    } finally {
      delete process.env.GIT_TEMPLATE_DIR;
    }
  });

  it('says when no commit precedes the deadline', async () => {
    const { repo } = historyRepo();
    await expect(acquire(repo, { deadline: '2025-01-01' })).rejects.toMatchObject({ code: 'MSPR_GIT_FAILED' });
  });

  it("says why a clone failed in git's own fatal: words, never naming the grader's scratch folder", async () => {
    const run = scratch();
    const failure = await acquireSubmission({ source: 'file:///nonexistent/delta.git', workspaceDir: join(run, 'workspace'), scratchDir: run }).catch((error) => error);
    expect(failure).toMatchObject({ code: 'MSPR_GIT_FAILED' });
    // git's first line is "Cloning into '<scratch>/clone'...": left out, the fatal: lines kept.
    expect(failure.text.en).toBe("Cannot fetch file:///nonexistent/delta.git: fatal: '/nonexistent/delta.git' does not appear to be a git repository fatal: Could not read from remote repository.");
    expect(failure.text.fr).toBe("Impossible de récupérer file:///nonexistent/delta.git : fatal: '/nonexistent/delta.git' does not appear to be a git repository fatal: Could not read from remote repository.");
    expect(failure.text.en).not.toContain(run);

    // A fatal: line that names the scratch folder itself: the folder is replaced by the repository's URL.
    const { repo } = historyRepo();
    const busy = scratch();
    mkdirSync(join(busy, 'clone'));
    writeFileSync(join(busy, 'clone', 'leftover'), '');
    const named = await acquireSubmission({ source: repo, deadline: '2026-06-30', workspaceDir: join(busy, 'workspace'), scratchDir: busy }).catch((error) => error);
    expect(named.text.en).toBe(`Cannot fetch ${repo}: fatal: destination path '${repo}' already exists and is not an empty directory.`);
    expect(named.text.en).not.toContain(busy);
  });

  it('refuses --deadline on a folder without history', async () => {
    await expect(acquire(repoWith({ 'main.py': '' }), { deadline: '2026-06-30' })).rejects.toMatchObject({ code: 'MSPR_SUBMISSION_UNREADABLE' });
  });

  it('states the commit of a git folder copied as it stands', async () => {
    const { repo, third } = historyRepo();
    writeFileSync(join(repo, 'wip.py'), 'print("uncommitted")\n');
    const { info, workspaceDir } = await acquire(repo);
    expect(info).toMatchObject({ kind: 'directory', commit: third });
    expect(existsSync(join(workspaceDir, 'wip.py'))).toBe(true);
  });
});
