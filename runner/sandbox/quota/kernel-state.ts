import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';

/** An attached loop device, as the kernel lists it in /sys/block. */
export interface LoopDevice {
  /** `/dev/loop3` */
  device: string;
  /** `7:3`, as /proc/self/mountinfo names the filesystem's device. */
  majorMinor: string;
  /** The image file, with ` (deleted)` when it was removed while attached. */
  backingFile: string;
}

/** One line of /proc/self/mountinfo. */
export interface MountEntry {
  majorMinor: string;
  /** The folder of the filesystem that is mounted (`/` or, for a bind mount, e.g. `/workspace`). */
  root: string;
  mountPoint: string;
}

export function loopDevices(): LoopDevice[] {
  const found: LoopDevice[] = [];
  let names: string[];
  try {
    names = readdirSync('/sys/block').filter((name) => /^loop\d+$/.test(name));
  } catch {
    return found;
  }
  for (const name of names) {
    try {
      const backingFile = readFileSync(`/sys/block/${name}/loop/backing_file`, 'utf8').trim();
      const majorMinor = readFileSync(`/sys/block/${name}/dev`, 'utf8').trim();
      found.push({ device: `/dev/${name}`, majorMinor, backingFile });
    } catch {
      // not attached (no `loop` folder), or detached while listing
    }
  }
  return found;
}

export function mounts(): MountEntry[] {
  let text: string;
  try {
    text = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const fields = line.split(' ');
      return { majorMinor: fields[2] ?? '', root: unescape(fields[3] ?? ''), mountPoint: unescape(fields[4] ?? '') };
    });
}

/** mountinfo escapes space, tab, newline and backslash as octal (`\040`). */
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/**
 * The ext2/3/4 volume label of a block device or image (superblock at 1024, `s_volume_name` at +120, 16
 * bytes), read directly so no blkid is needed; undefined when it is not readable or not ext*.
 */
export function ext4Label(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const superblock = Buffer.alloc(136);
    if (readSync(fd, superblock, 0, 136, 1024) < 136) return undefined;
    if (superblock.readUInt16LE(56) !== 0xef53) return undefined; // s_magic
    const label = superblock.subarray(120, 136);
    const end = label.indexOf(0);
    return label.subarray(0, end === -1 ? 16 : end).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
