import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGitHistory } from '../../runner/history/read-git-history.js';
import { gitTeamRepo } from '../helpers/git-team-repo.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'mspr-history-scratch-'));
const alice = { name: 'Alice Martin', email: 'alice.martin@ecole.fr' };
const bob = { name: 'Bob Durand', email: 'bob@ecole.fr' };
const PASSWORD = 'Lyon-2024-Ventes!';

function repo(): { dir: string; shas: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'mspr-history-'));
  const shas = gitTeamRepo(dir, [
    { date: '2026-11-02T09:00:00+01:00', message: 'Squelette', author: alice, files: { 'README.md': '# Projet\n\nLancer : `python -m src.pipeline`\n' } },
    { date: '2026-11-03T10:00:00+01:00', message: 'Connexion base', author: bob, files: { '.env': `DB_HOST=localhost\nDB_PASSWORD=${PASSWORD}\n` } },
    { date: '2026-11-04T11:00:00+01:00', message: 'Retire le .env', author: alice, remove: ['.env'], files: { '.gitignore': '.env\n' } },
  ]);
  return { dir, shas };
}

describe('readGitHistory', () => {
  it('lists the commits up to HEAD, newest first, with author, e-mail and author date', async () => {
    const { dir, shas } = repo();
    const { history } = await readGitHistory(dir, { scratchDir: scratch() });
    expect(history).toMatchObject({ available: true, commit: shas[2], total: 3, capped: false, afterDeadline: [], afterDeadlineTotal: 0 });
    if (!history.available) throw new Error('no history');
    expect(history.commits.map((c) => [c.sha, c.author, c.email, c.date])).toEqual([
      [shas[2], 'Alice Martin', 'alice.martin@ecole.fr', '2026-11-04T11:00:00+01:00'],
      [shas[1], 'Bob Durand', 'bob@ecole.fr', '2026-11-03T10:00:00+01:00'],
      [shas[0], 'Alice Martin', 'alice.martin@ecole.fr', '2026-11-02T09:00:00+01:00'],
    ]);
  });

  it('finds a .env password committed then removed, at the commit that added it, the value apart for the redactor', async () => {
    const { dir, shas } = repo();
    const { history, secretValues } = await readGitHistory(dir, { scratchDir: scratch() });
    if (!history.available) throw new Error('no history');
    expect(history.secrets).toEqual([{ commit: shas[1], path: '.env', line: 2, kind: '.env value', name: 'DB_PASSWORD' }]);
    expect(history.secretScan).toEqual({ commits: 3, capped: false });
    expect(secretValues).toEqual([PASSWORD]);
    expect(JSON.stringify(history)).not.toContain(PASSWORD);
  });

  it('with a graded commit and a tip, lists the commits after the deadline apart', async () => {
    const { dir, shas } = repo();
    const { history } = await readGitHistory(dir, { scratchDir: scratch(), commit: shas[0], tip: shas[2] });
    expect(history).toMatchObject({ available: true, commit: shas[0], total: 1, afterDeadlineTotal: 2 });
    if (!history.available) throw new Error('no history');
    expect(history.afterDeadline.map((c) => c.sha)).toEqual([shas[2], shas[1]]);
    expect(history.secrets).toEqual([]); // the .env came after the graded commit
  });

  it('caps the commit list and says so', async () => {
    const { dir } = repo();
    const { history } = await readGitHistory(dir, { scratchDir: scratch(), limits: { commits: 2, diffBytes: 1 << 20 } });
    expect(history).toMatchObject({ available: true, total: 3, capped: true, secretScan: { capped: true } });
    if (history.available) expect(history.commits).toHaveLength(2);
  });

  it('a folder without .git is not a repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mspr-history-'));
    const { history } = await readGitHistory(dir, { scratchDir: scratch() });
    expect(history).toMatchObject({ available: false, reason: 'not-a-repository' });
  });

  it('refuses a .git that links or borrows elsewhere, and never runs the repository config', async () => {
    const linked = mkdtempSync(join(tmpdir(), 'mspr-history-'));
    symlinkSync(join(repo().dir, '.git'), join(linked, '.git'));
    expect((await readGitHistory(linked, { scratchDir: scratch() })).history).toMatchObject({ available: false, reason: 'unsafe' });

    const borrowing = repo().dir;
    writeFileSync(join(borrowing, '.git/objects/info/alternates'), '/elsewhere/objects\n');
    expect((await readGitHistory(borrowing, { scratchDir: scratch() })).history).toMatchObject({ available: false, reason: 'unsafe', message: { en: expect.stringContaining('.git/objects/info/alternates') } });

    // A config that would run code for `git log` (fsmonitor, pager, gpg) is never read: the history still reads, nothing ran.
    const hostile = repo().dir;
    const witness = join(hostile, 'RAN');
    writeFileSync(join(hostile, '.git/config'), `[core]\n\tfsmonitor = touch ${witness}\n\tpager = touch ${witness}\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = touch ${witness}\n`);
    mkdirSync(join(hostile, '.git/hooks'), { recursive: true });
    const { history } = await readGitHistory(hostile, { scratchDir: scratch() });
    expect(history).toMatchObject({ available: true, total: 3 });
    expect(existsSync(witness)).toBe(false);
  });
});
