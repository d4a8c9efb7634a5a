import { existsSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ext4Label, loopDevices, mounts, type LoopDevice } from './kernel-state.js';
import { run, unmount } from './mount-commands.js';
import { isRunning } from '../../workdir/process-identity.js';
import { readOwner } from '../../workdir/run-folder.js';
import { QUOTA_LABEL, runTag, tagOfBackingFile } from './quota-marks.js';

/** One quota disk found by the sweep, and what became of it. */
export interface SweptDisk {
  device: string;
  image: string;
  /** The mount points it had (bind mounts of the workspace and trace, and the filesystem's own). */
  unmounted: string[];
  /** False when something still holds it (a container that could not be removed): it detaches once freed. */
  detached: boolean;
  /** Set when the disk was left alone: the mspr-lab process that made its run folder still runs. */
  runningPid?: number;
}

/**
 * The quota disks of runs that crashed or were killed before their disposal: loop devices whose image is
 * named `<run tag>.mspr-lab-quota.img` **and** whose filesystem is labelled `mspr-lab-quota` (both marks, so
 * no one else's mount is ever touched), optionally of one run only, and never one whose run folder's
 * mspr-lab process still runs. Each is unmounted everywhere on this host's mount table, detached, and its
 * image deleted. Run it after the containers are removed: a container
 * holding the filesystem keeps the loop device busy.
 */
export async function sweepQuotaDisks(options: { runId?: string } = {}): Promise<SweptDisk[]> {
  const wanted = options.runId === undefined ? undefined : runTag(options.runId);
  const swept: SweptDisk[] = [];
  for (const loop of ours(loopDevices(), wanted)) {
    const image = loop.backingFile.replace(/ \(deleted\)$/, '');
    // A running grade's disk is its own to release (as its run folder is: runner/workdir).
    const owner = readOwner(dirname(dirname(image)));
    if (owner && isRunning(owner)) {
      swept.push({ device: loop.device, image, unmounted: [], detached: false, runningPid: owner.pid });
      continue;
    }
    // Deepest first, so a mount inside another (none is expected) goes before its parent.
    const points = mounts()
      .filter((entry) => entry.majorMinor === loop.majorMinor)
      .map((entry) => entry.mountPoint)
      .sort((a, b) => b.length - a.length);
    const unmounted: string[] = [];
    for (const point of points) {
      await unmount(point).then(() => unmounted.push(point), () => undefined);
    }
    // Mounted by `mount -o loop`, the device detaches itself once unmounted; `losetup -d` covers one attached
    // by hand or half-set-up, and on a busy device only marks it to detach when freed.
    if (await stillAttachedAfter(loop, 2_000)) await run('losetup', ['-d', loop.device], 30_000).catch(() => undefined);
    if (mounts().every((entry) => entry.majorMinor !== loop.majorMinor)) await removeImage(image);
    swept.push({ device: loop.device, image, unmounted, detached: !(await stillAttachedAfter(loop, 2_000)) });
  }
  return swept;
}

function ours(devices: LoopDevice[], wantedTag: string | undefined): LoopDevice[] {
  return devices.filter((loop) => {
    const tag = tagOfBackingFile(loop.backingFile);
    if (!tag || (wantedTag !== undefined && tag !== wantedTag)) return false;
    return ext4Label(loop.device) === QUOTA_LABEL;
  });
}

function stillAttached(loop: LoopDevice): boolean {
  return loopDevices().some((other) => other.device === loop.device && other.backingFile === loop.backingFile);
}

/** The kernel frees an autoclear device once its last user lets go, which can lag the unmount a little. */
async function stillAttachedAfter(loop: LoopDevice, graceMs: number): Promise<boolean> {
  const until = Date.now() + graceMs;
  while (stillAttached(loop)) {
    if (Date.now() > until) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** The image and its (now empty) folders; never recursive, so nothing but what the disk made goes. */
async function removeImage(image: string): Promise<void> {
  if (!existsSync(image)) return;
  await rm(image, { force: true }).catch(() => undefined);
  await rmdir(join(dirname(image), 'mnt')).catch(() => undefined);
  await rmdir(dirname(image)).catch(() => undefined);
}
