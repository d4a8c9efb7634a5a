import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupRunFolders } from '../../runner/workdir/cleanup-run-folders.js';
import { selfIdentity } from '../../runner/workdir/process-identity.js';
import { OWNER_FILE } from '../../runner/workdir/run-folder.js';

function workRoot(): string {
  return mkdtempSync(join(tmpdir(), 'mspr-cleanup-'));
}

/** A run folder as mspr-lab leaves it, owned by `owner` (fields over this process's identity). */
function runFolder(root: string, runId: string, owner: Record<string, unknown>): string {
  const dir = join(root, runId);
  mkdirSync(join(dir, 'workspace'), { recursive: true });
  writeFileSync(join(dir, 'workspace', 'main.py'), 'print(1)\n');
  writeFileSync(join(dir, OWNER_FILE), JSON.stringify({ tool: 'mspr-lab', runId, createdAt: '2026-12-01T10:00:00Z', ...selfIdentity(), ...owner }));
  return dir;
}

describe('cleanupRunFolders', () => {
  it('keeps a folder whose owner runs; removes one whose pid was reused by another process', () => {
    const root = workRoot();
    const alive = runFolder(root, 'run-alive', {});
    const reused = runFolder(root, 'run-reused', { startTime: '1' }); // this pid, but not this process
    const result = cleanupRunFolders({ workRoot: root });
    expect(result.removed).toEqual([reused]);
    expect(result.running).toEqual([{ path: alive, pid: process.pid }]);
    expect(existsSync(alive)).toBe(true);
  });

  it('removes the folder of a pid that no longer exists, and a folder from another boot', () => {
    const root = workRoot();
    const gone = runFolder(root, 'run-gone', { pid: 2 ** 22 + 1 });
    const otherBoot = runFolder(root, 'run-other-boot', { bootId: '00000000-0000-0000-0000-000000000000' });
    expect(cleanupRunFolders({ workRoot: root }).removed).toEqual([gone, otherBoot]);
  });

  it('never follows a link: neither a link in the work root nor one inside a run folder', () => {
    const root = workRoot();
    const victim = mkdtempSync(join(tmpdir(), 'mspr-victim-'));
    writeFileSync(join(victim, 'keep.txt'), 'grader file\n');
    symlinkSync(victim, join(root, 'run-link'));
    const dead = runFolder(root, 'run-dead', { pid: 2 ** 22 + 1 });
    symlinkSync(victim, join(dead, 'workspace', 'evil'));
    expect(cleanupRunFolders({ workRoot: root }).removed).toEqual([dead]);
    expect(readFileSync(join(victim, 'keep.txt'), 'utf8')).toBe('grader file\n');
  });

  it('with --run, considers only that folder', () => {
    const root = workRoot();
    const first = runFolder(root, 'run-a', { pid: 2 ** 22 + 1 });
    const second = runFolder(root, 'run-b', { pid: 2 ** 22 + 1 });
    expect(cleanupRunFolders({ workRoot: root, runId: 'run-b' }).removed).toEqual([second]);
    expect(existsSync(first)).toBe(true);
  });

  it.skipIf(process.getuid?.() !== 0)('does not empty a file system still mounted inside a dead run folder (root: tmpfs)', () => {
    const root = workRoot();
    const dead = runFolder(root, 'run-mounted', { pid: 2 ** 22 + 1 });
    const mount = join(dead, 'quota');
    mkdirSync(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
    try {
      writeFileSync(join(mount, 'inside.txt'), 'on the mounted disk\n');
      const result = cleanupRunFolders({ workRoot: root });
      expect(result.removed).toEqual([]);
      expect(result.failed).toEqual([{ path: mount, reason: 'mount point' }]);
      expect(readFileSync(join(mount, 'inside.txt'), 'utf8')).toBe('on the mounted disk\n');
    } finally {
      execFileSync('umount', ['-l', mount]);
    }
    expect(cleanupRunFolders({ workRoot: root }).removed).toEqual([dead]);
  });
});
