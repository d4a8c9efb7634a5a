import { mkdir, open, rename, rm, rmdir, statfs } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onShutdown } from '../../shutdown.js';
import { measureUsage } from './disk-usage.js';
import { loopDevices, mounts } from './kernel-state.js';
import { bindMount, mkfsArgs, mountImage, run, unmount } from './mount-commands.js';
import { DISK_FOLDER, imageName, QUOTA_LABEL } from './quota-marks.js';

const MiB = 2 ** 20;

/** What a run's quota disk holds and how big it is. */
export interface QuotaDiskRequest {
  runId: string;
  /**
   * Host folders (the workspace and trace folders) whose contents move onto the disk. They keep their paths:
   * each becomes a bind mount of a folder of the disk, so nothing else in mspr-lab has to know.
   */
  folders: string[];
  /** Bytes the candidate may add on top of what the folders hold now. */
  quotaBytes: number;
}

/**
 * A filesystem of the quota's size for one run: a sparse image file, formatted ext4 and loop-mounted, whose
 * folders replace the run's workspace and trace folders. The kernel refuses the candidate's writes past the
 * quota (ENOSPC), whatever the machine's load. What the filesystem holds beyond the quota is reserved for
 * root, i.e. for the grader only (see `reserveExcessForRoot`).
 */
export class QuotaDisk {
  private released: Promise<void> | undefined;
  private readonly unregister: () => void;

  private constructor(
    readonly folders: string[],
    /** The image's folder: `<folder of the workspace>/.mspr-lab-disk`. */
    readonly dir: string,
    readonly image: string,
    readonly mountPoint: string,
    /** Bytes the candidate could write when the disk was made (the quota, unless the estimate fell short). */
    readonly limitBytes: number,
  ) {
    // Ctrl-C: the mounts go with the run. A container still holding the filesystem keeps the loop device
    // until it is removed (autoclear), which the sandbox's own handler does.
    this.unregister = onShutdown(() => this.release());
  }

  static async create(request: QuotaDiskRequest): Promise<QuotaDisk> {
    const names = request.folders.map((folder) => basename(folder));
    if (new Set(names).size !== names.length) throw new Error(`quota disk: folders need distinct names (${names.join(', ')})`);
    const start = await measureUsage(request.folders);
    const dir = join(dirname(request.folders[0]!), DISK_FOLDER);
    const image = join(dir, imageName(request.runId));
    const mountPoint = join(dir, 'mnt');
    await mkdir(dir, { mode: 0o700 }); // not recursive: a leftover of an earlier disk is an error, not reused
    await mkdir(mountPoint);
    let mounted = false;
    try {
      const inodes = start.entries + Math.max(4096, Math.ceil(request.quotaBytes / 16_384));
      await makeSparseFile(image, imageSize(start.bytes, request.quotaBytes, inodes));
      await run('mkfs.ext4', mkfsArgs(image, QUOTA_LABEL, inodes));
      await mountImage(image, mountPoint);
      mounted = true;
      for (const [index, folder] of request.folders.entries()) {
        await mkdir(join(mountPoint, names[index]!));
        // -a: links copied as links (never followed), modes and owners kept; the folder's own mode too.
        await run('cp', ['-a', '--', `${folder}/.`, `${join(mountPoint, names[index]!)}/`], 600_000);
      }
      const limitBytes = await reserveExcessForRoot(image, mountPoint, request.quotaBytes);
      await swapIn(request.folders, names.map((name) => join(mountPoint, name)), dir);
      return new QuotaDisk(request.folders, dir, image, mountPoint, limitBytes);
    } catch (error) {
      // The folders are as they were (swapIn restores them on failure): the caller may fall back.
      if (mounted) await unmount(mountPoint).catch(() => undefined);
      await rm(image, { force: true }).catch(() => undefined);
      await rmdir(mountPoint).catch(() => undefined);
      await rmdir(dir).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Bytes the candidate can still write, once the filesystem has written out what the step left in memory
   * (`sync -f`): the count then no longer depends on when the kernel gets round to it on a busy machine.
   */
  async freeBytes(): Promise<number> {
    await run('sync', ['-f', this.mountPoint], 60_000).catch(() => undefined);
    const info = await statfs(this.mountPoint);
    return info.bavail * info.bsize;
  }

  /**
   * Unmounts the folders and the filesystem (the loop device detaches itself) and deletes the image. With
   * `keepFiles`, the folders' contents are first copied back onto the host (`--keep-workspace`), links as links.
   * Safe several times; every step is tried even when one fails, and the first failure is thrown.
   */
  release(options: { keepFiles?: boolean } = {}): Promise<void> {
    this.released ??= this.unmountAll(options.keepFiles ?? false);
    return this.released;
  }

  private async unmountAll(keepFiles: boolean): Promise<void> {
    this.unregister();
    const failures: unknown[] = [];
    const attempt = async (step: () => Promise<unknown>) => step().catch((error: unknown) => failures.push(error));
    for (const folder of [...this.folders].reverse()) {
      let unmounted = true;
      await unmount(folder).catch((error: unknown) => {
        failures.push(error);
        unmounted = false;
      });
      // Only onto the host folder itself: copying while the bind mount is still there would copy onto itself.
      if (keepFiles && unmounted) await attempt(() => run('cp', ['-a', '--', `${join(this.mountPoint, basename(folder))}/.`, `${folder}/`], 600_000));
    }
    const device = deviceOf(this.mountPoint);
    await attempt(() => unmount(this.mountPoint));
    // The loop device detaches itself once the kernel lets go of the filesystem, which can lag the unmount
    // a little; waiting (bounded) means a disposed sandbox has no loop device left.
    if (device) await detached(device, this.image, 5_000);
    if (failures.length === 0) {
      await attempt(() => rm(this.image, { force: true }));
      await attempt(() => rmdir(this.mountPoint));
      await attempt(() => rmdir(this.dir));
    }
    if (failures.length > 0) throw failures[0];
  }
}

/**
 * What the repository holds (counted on the host, ext4 on ext4 here), the quota, the inode tables, and a
 * margin for the filesystem's own metadata (bitmaps, group descriptors, superblock copies, and the pool
 * ext4 keeps for itself: up to 16 MiB). Generous on purpose: `reserveExcessForRoot` keeps what is left over
 * for the grader. Small enough that the excess stays under half the filesystem (tune2fs's bound).
 */
function imageSize(startBytes: number, quotaBytes: number, inodes: number): number {
  const data = startBytes * 1.1 + quotaBytes;
  const raw = data + inodes * 256 + Math.min(data * 0.03, 16 * MiB) + data * 0.01 + 4 * MiB;
  return Math.ceil(raw / MiB) * MiB;
}

async function makeSparseFile(path: string, size: number): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.truncate(size);
  } finally {
    await handle.close();
  }
}

/**
 * Brings what the candidate can write down to the quota: the excess becomes ext4's root-reserved blocks
 * (`tune2fs -r`). The candidate runs as an unprivileged uid without CAP_SYS_RESOURCE, so the kernel refuses
 * its writes at the quota, while the grader (root, on the host) can still write on a disk the candidate
 * filled. tune2fs works on the mounted loop device (the kernel reads the count from the superblock buffer
 * it shares); if that fails, on the unmounted image. Returns what the candidate can write: the quota (to the
 * block), or less if the size estimate fell short.
 */
async function reserveExcessForRoot(image: string, mountPoint: string, quotaBytes: number): Promise<number> {
  const before = await statfs(mountPoint);
  // tune2fs reserves at most half the filesystem; the size estimate keeps the excess well below that.
  const excess = String(Math.min(before.bavail - Math.ceil(quotaBytes / before.bsize), Math.floor(before.blocks / 2) - 1));
  if (Number(excess) > 0) {
    const device = deviceOf(mountPoint);
    try {
      if (!device) throw new Error('no loop device');
      await run('tune2fs', ['-r', excess, device]);
    } catch {
      await unmount(mountPoint);
      await run('tune2fs', ['-r', excess, image]);
      await mountImage(image, mountPoint);
    }
  }
  const after = await statfs(mountPoint);
  return after.bavail * after.bsize;
}

async function detached(device: string, image: string, graceMs: number): Promise<boolean> {
  const until = Date.now() + graceMs;
  while (loopDevices().some((loop) => loop.device === device && loop.backingFile.startsWith(image))) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** The loop device mounted at a folder. */
function deviceOf(mountPoint: string): string | undefined {
  const entry = mounts().find((mount) => mount.mountPoint === mountPoint);
  return entry && loopDevices().find((loop) => loop.majorMinor === entry.majorMinor)?.device;
}

/**
 * Puts the disk's folders in place of the host folders: each host folder is moved aside, recreated empty
 * (same mode) and the disk's folder bind-mounted on it. If any step fails, every folder is put back.
 */
async function swapIn(folders: string[], sources: string[], dir: string): Promise<void> {
  const done: Array<{ folder: string; aside: string; bound: boolean }> = [];
  try {
    for (const [index, folder] of folders.entries()) {
      const aside = join(dir, `host-${index}`);
      await rename(folder, aside);
      const entry = { folder, aside, bound: false };
      done.push(entry);
      // Its mode does not matter: the bind mount's root is the disk's folder, which `cp -a` gave the original's.
      await mkdir(folder, { mode: 0o700 });
      await bindMount(sources[index]!, folder);
      entry.bound = true;
    }
  } catch (error) {
    for (const { folder, aside, bound } of done.reverse()) {
      if (bound) await unmount(folder).catch(() => undefined);
      await rmdir(folder).catch(() => undefined);
      await rename(aside, folder).catch(() => undefined);
    }
    throw error;
  }
  // The copies on the disk are the run's now; the host originals go (never following a link: rm unlinks them).
  await Promise.all(done.map(({ aside }) => rm(aside, { recursive: true, force: true })));
}
