import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MsprError } from '../../runner/errors.js';
import { SANDBOX_UID } from '../../runner/sandbox/docker/sandbox-user.js';
import { diskQuotaModeFrom, provideWorkspaceQuota } from '../../runner/sandbox/docker/workspace-quota.js';
import { measureUsage, UsageUnmeasurable } from '../../runner/sandbox/quota/disk-usage.js';
import { loopDevices, mounts } from '../../runner/sandbox/quota/kernel-state.js';
import { QuotaDisk } from '../../runner/sandbox/quota/quota-disk.js';
import { imageName, QUOTA_LABEL, runTag } from '../../runner/sandbox/quota/quota-marks.js';
import { quotaDiskSupport } from '../../runner/sandbox/quota/quota-support.js';
import { sweepQuotaDisks } from '../../runner/sandbox/quota/sweep-quota-disks.js';
import { selfIdentity } from '../../runner/workdir/process-identity.js';
import { OWNER_FILE } from '../../runner/workdir/run-folder.js';

const MiB = 2 ** 20;
const support = quotaDiskSupport();
// In CI (root, loop devices) the real quota must be tested, not skipped.
const required = process.env.MSPR_CI === '1' || process.env.MSPR_REQUIRE_DOCKER === '1';
const roots: string[] = [];

function runFolder(): { root: string; workspace: string; trace: string } {
  const root = mkdtempSync(join(tmpdir(), 'mspr-quota-test-'));
  roots.push(root);
  const dirs = { root, workspace: join(root, 'workspace'), trace: join(root, 'trace') };
  mkdirSync(dirs.workspace);
  mkdirSync(dirs.trace);
  return dirs;
}

/**
 * Writes 1 MiB chunks until the kernel refuses, as the sandbox's unprivileged user (root may use the blocks
 * reserved for the grader); returns the bytes actually written and the errno name.
 */
function fill(path: string, limitBytes = 4096 * MiB): { written: number; code?: string } {
  const script = `import errno, json, os, sys
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o644)
chunk, written, limit = b"\\1" * 2**20, 0, int(sys.argv[2])
try:
    while written < limit:
        written += os.write(fd, chunk[: limit - written])
    print(json.dumps({"written": written}))
except OSError as error:
    print(json.dumps({"written": written, "code": errno.errorcode[error.errno]}))`;
  const out = execFileSync('setpriv', ['--reuid', String(SANDBOX_UID), '--regid', String(SANDBOX_UID), '--clear-groups', '/usr/bin/python3', '-c', script, path, String(limitBytes)], { encoding: 'utf8' });
  return JSON.parse(out) as { written: number; code?: string };
}

/** Hands the disk's folders to the sandbox user, as the docker backend does before the first step. */
function handOver(root: string, ...folders: string[]): void {
  execFileSync('chmod', ['755', root]);
  execFileSync('chown', ['-R', '-h', `${SANDBOX_UID}:${SANDBOX_UID}`, ...folders]);
}

/** Mount points and loop devices of one run (by its tag), as the kernel lists them now. */
function leftoversOf(runId: string, root: string): string[] {
  const loops = loopDevices().filter((loop) => loop.backingFile.startsWith(`${root}/.mspr-lab-disk/${runTag(runId)}.`));
  const mounted = mounts().filter((entry) => entry.mountPoint.startsWith(`${root}/`));
  return [...loops.map((loop) => `loop ${loop.device}`), ...mounted.map((entry) => `mount ${entry.mountPoint}`)];
}

afterAll(() => {
  for (const root of roots) execFileSync('rm', ['-rf', '--one-file-system', root]);
});

describe('measureUsage never follows a link and never counts a fault as zero', () => {
  it('counts two loop links (bomb/a → ., bomb/b → .) as two entries, and the bytes once', async () => {
    const { workspace } = runFolder();
    mkdirSync(join(workspace, 'bomb'));
    writeFileSync(join(workspace, 'bomb', 'data.bin'), Buffer.alloc(3 * MiB, 1));
    symlinkSync('.', join(workspace, 'bomb', 'a'));
    symlinkSync('.', join(workspace, 'bomb', 'b'));
    const usage = await measureUsage([workspace]);
    expect(usage.entries).toBe(5); // workspace, bomb, data.bin, a, b
    expect(usage.bytes).toBeGreaterThanOrEqual(3 * MiB);
    expect(usage.bytes).toBeLessThan(3 * MiB + 64 * 1024);
  });

  it('a link to a big file elsewhere counts as the link, not as the file', async () => {
    const { root, workspace } = runFolder();
    writeFileSync(join(root, 'outside.bin'), Buffer.alloc(8 * MiB, 1));
    symlinkSync(join(root, 'outside.bin'), join(workspace, 'link.bin'));
    expect((await measureUsage([workspace])).bytes).toBeLessThan(64 * 1024);
  });

  it('a tree deeper than PATH_MAX cannot be measured: UsageUnmeasurable(ENAMETOOLONG), not 0', async () => {
    const { workspace } = runFolder();
    // Created relative to each level (as a candidate's os.chdir loop would), past the 4096-byte path limit.
    execFileSync('/usr/bin/python3', ['-c', 'import os\nfor _ in range(1100):\n  os.mkdir("abc"); os.chdir("abc")\nopen("f","w").write("x")'], { cwd: workspace });
    const error = await measureUsage([workspace]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageUnmeasurable);
    expect((error as UsageUnmeasurable).errorCode).toBe('ENAMETOOLONG');
  });

  it('a folder that does not exist holds nothing', async () => {
    expect(await measureUsage([join(tmpdir(), 'mspr-quota-none', 'x')])).toEqual({ bytes: 0, entries: 0 });
  });
});

describe.skipIf(!support.ok && !required)('the quota disk: a filesystem of the quota size per run', () => {
  it('is supported on this machine (root, loop devices, mkfs.ext4)', () => {
    expect(support).toEqual({ ok: true });
  });

  it('moves the folders onto it (links stay links), refuses writes at the quota, and leaves nothing after release', async () => {
    const { root, workspace, trace } = runFolder();
    const runId = `test-quota-${Date.now()}`;
    mkdirSync(join(workspace, 'src', 'bomb'), { recursive: true });
    writeFileSync(join(workspace, 'README.md'), 'Lancer : python src/main.py\n');
    writeFileSync(join(workspace, 'repo.bin'), Buffer.alloc(5 * MiB, 2));
    symlinkSync('.', join(workspace, 'src', 'bomb', 'a'));
    symlinkSync('.', join(workspace, 'src', 'bomb', 'b'));
    const disk = await QuotaDisk.create({ runId, folders: [workspace, trace], quotaBytes: 24 * MiB });
    try {
      expect(disk.limitBytes).toBe(24 * MiB);
      const bound = mounts().filter((entry) => entry.mountPoint === workspace || entry.mountPoint === trace);
      expect(bound.map((entry) => entry.root).sort()).toEqual(['/trace', '/workspace']);
      expect(readFileSync(join(workspace, 'README.md'), 'utf8')).toBe('Lancer : python src/main.py\n');
      expect(readlinkSync(join(workspace, 'src', 'bomb', 'a'))).toBe('.');
      expect(lstatSync(join(workspace, 'src', 'bomb', 'b')).isSymbolicLink()).toBe(true);
      expect(readdirSync(disk.dir).sort()).toEqual([imageName(runId), 'mnt'].sort()); // the host originals are gone
      // The trace and the workspace share the quota: 6 MiB in the trace leave 18 MiB for the workspace.
      handOver(root, workspace, trace);
      expect(fill(join(trace, 'events.jsonl'), 6 * MiB)).toEqual({ written: 6 * MiB });
      const result = fill(join(workspace, 'out.bin'));
      expect(result.code).toBe('ENOSPC');
      expect(result.written).toBeLessThanOrEqual(18 * MiB);
      expect(result.written).toBeGreaterThanOrEqual(16 * MiB); // ext4 may refuse up to ~1 MiB early
      expect(await disk.freeBytes()).toBeLessThan(2 * MiB);
      // The grader (root) can still make the next step's trace folder and write a little on the full disk.
      mkdirSync(join(trace, '02-next'));
      writeFileSync(join(trace, '02-next', 'marker'), Buffer.alloc(64 * 1024));
    } finally {
      await disk.release();
    }
    expect(leftoversOf(runId, root)).toEqual([]);
    expect(existsSync(disk.dir)).toBe(false);
    expect(readdirSync(workspace)).toEqual([]); // the run's files went with the disk
    await disk.release(); // a second time does nothing
  });

  it('keepFiles (--keep-workspace) copies the folders back onto the host before unmounting', async () => {
    const { root, workspace, trace } = runFolder();
    const runId = `test-quota-keep-${Date.now()}`;
    writeFileSync(join(workspace, 'main.py'), 'print(1)\n');
    const disk = await QuotaDisk.create({ runId, folders: [workspace, trace], quotaBytes: 8 * MiB });
    writeFileSync(join(workspace, 'result.csv'), 'a;b\n1;2\n');
    symlinkSync('result.csv', join(workspace, 'latest.csv'));
    mkdirSync(join(trace, '01-main'));
    writeFileSync(join(trace, '01-main', 'events.jsonl'), '{}\n');
    await disk.release({ keepFiles: true });
    expect(leftoversOf(runId, root)).toEqual([]);
    expect(readdirSync(workspace).sort()).toEqual(['latest.csv', 'main.py', 'result.csv']);
    expect(readlinkSync(join(workspace, 'latest.csv'))).toBe('result.csv');
    expect(readFileSync(join(trace, '01-main', 'events.jsonl'), 'utf8')).toBe('{}\n');
  });

  it('the sweep (mspr-lab cleanup) unmounts and detaches a leaked disk, and touches no one else’s loop mount', async () => {
    const { root, workspace, trace } = runFolder();
    const runId = `test-quota-leak-${Date.now()}`;
    const leaked = await QuotaDisk.create({ runId, folders: [workspace, trace], quotaBytes: 8 * MiB });
    // Two look-alikes with only one of the two marks each: named like ours but labelled otherwise, and
    // labelled like ours but named otherwise.
    const foreign = [
      { image: join(root, runTag(runId) + '.mspr-lab-quota.img'), label: 'someone-else' },
      { image: join(root, `${runTag(runId)}.img`), label: QUOTA_LABEL },
    ].map(({ image, label }, index) => {
      const point = join(root, `foreign-${index}`);
      mkdirSync(point);
      execFileSync('truncate', ['-s', '16M', image]);
      execFileSync('mkfs.ext4', ['-q', '-F', '-L', label, image]);
      execFileSync('mount', ['-o', 'loop', image, point]);
      return point;
    });
    try {
      expect(await sweepQuotaDisks({ runId: `${runId}-other` })).toEqual([]);
      const swept = await sweepQuotaDisks({ runId });
      expect(swept).toHaveLength(1);
      expect(swept[0]).toMatchObject({ image: leaked.image, detached: true });
      expect(swept[0]!.unmounted.sort()).toEqual([leaked.mountPoint, trace, workspace].sort());
      expect(loopDevices().some((loop) => loop.backingFile === leaked.image)).toBe(false);
      expect(existsSync(leaked.image)).toBe(false);
      for (const point of foreign) expect(mounts().some((entry) => entry.mountPoint === point)).toBe(true);
    } finally {
      for (const point of foreign) execFileSync('umount', [point]);
      await leaked.release().catch(() => undefined);
    }
    expect(leftoversOf(runId, root)).toEqual([]);
    // The look-alikes' loop devices detach by themselves once unmounted (autoclear), a moment later.
    await expect.poll(() => loopDevices().filter((loop) => loop.backingFile.startsWith(root)), { timeout: 10_000 }).toEqual([]);
  });
});

describe('choosing how the quota is held', () => {
  it('MSPR_DISK_QUOTA: unset or auto, filesystem, watch; anything else is a usage error', () => {
    expect([undefined, '', 'auto', 'filesystem', 'watch'].map(diskQuotaModeFrom)).toEqual(['auto', 'auto', 'auto', 'filesystem', 'watch']);
    const error = (() => {
      try {
        return diskQuotaModeFrom('xfs');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MsprError);
    expect((error as MsprError).code).toBe('MSPR_USAGE');
    expect((error as MsprError).text.en).toBe('Unknown MSPR_DISK_QUOTA: xfs');
  });

  it.skipIf(!support.ok)('a filesystem that cannot be made: `auto` falls back to the watch and says why, `filesystem` is an error', async () => {
    const { root } = runFolder();
    // Two folders with the same name cannot sit side by side on one disk: creation fails before anything moves.
    const folders = [join(root, 'a', 'same'), join(root, 'b', 'same')];
    for (const folder of folders) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folders[0]!, 'main.py'), 'print(1)\n');
    const request = { runId: `test-quota-fallback-${Date.now()}`, folders, quotaBytes: 8 * MiB, checkMs: 500 };
    const quota = await provideWorkspaceQuota({ ...request, mode: 'auto' });
    expect(quota.enforcement).toBe('watch');
    expect(quota.notice?.en).toMatch(/^Approximate disk quota: the workspace could not be placed on a filesystem of the quota's size \(creating the filesystem failed: quota disk: folders need distinct names/);
    expect(quota.watchers()).toHaveLength(1);
    expect(await quota.afterExec()).toBeUndefined(); // nothing written yet
    writeFileSync(join(folders[0]!, 'big.bin'), Buffer.alloc(9 * MiB, 1));
    expect(await quota.afterExec()).toMatchObject({ outcome: { enforcement: 'watch', state: 'exceeded', limitBytes: 8 * MiB } });
    expect(readdirSync(folders[0]!).sort()).toEqual(['big.bin', 'main.py']); // the folders were left as they were
    const error = await provideWorkspaceQuota({ ...request, mode: 'filesystem' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MsprError);
    expect((error as MsprError).code).toBe('MSPR_SANDBOX_FAILED');
  });
});

describe.skipIf(!support.ok)('the sweep leaves a running grade alone', () => {
  it('a disk whose run folder belongs to a live mspr-lab process is kept, with or without --run', async () => {
    const { root, workspace, trace } = runFolder();
    const runId = `test-quota-running-${Date.now()}`;
    // This test process plays the running grade: its identity in the run folder's owner file.
    writeFileSync(join(root, OWNER_FILE), JSON.stringify({ tool: 'mspr-lab', runId, ...selfIdentity(), createdAt: new Date().toISOString() }));
    const disk = await QuotaDisk.create({ runId, folders: [workspace, trace], quotaBytes: 8 * MiB });
    try {
      const swept = await sweepQuotaDisks({ runId });
      expect(swept).toEqual([{ device: expect.stringMatching(/^\/dev\/loop\d+$/), image: disk.image, unmounted: [], detached: false, runningPid: process.pid }]);
      expect(mounts().some((entry) => entry.mountPoint === workspace)).toBe(true);
    } finally {
      await disk.release();
    }
    expect(leftoversOf(runId, root)).toEqual([]);
  });
});
