import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';

/**
 * The few system tools the quota disk needs (mount/umount/losetup from util-linux, mkfs.ext4/tune2fs from
 * e2fsprogs, cp and sync from coreutils), each call bounded so a stuck kernel or tool cannot hang a run. They are found in PATH and
 * in the sbin folders, which a non-login root shell may lack.
 */
const SBIN = ['/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/bin', '/bin'];

export function findTool(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of [...path.split(delimiter).filter(Boolean), ...SBIN]) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A tool that failed: its name, arguments and what it said, for the error's details. */
export class ToolFailed extends Error {
  constructor(
    readonly tool: string,
    readonly detail: string,
  ) {
    super(`${tool}: ${detail}`);
  }
}

/** Runs a tool; resolves when it exits 0, throws `ToolFailed` with its stderr otherwise. */
export async function run(tool: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const file = findTool(tool);
  if (!file) throw new ToolFailed(tool, 'not found');
  const result = await execa(file, args, { reject: false, timeout: timeoutMs, stdin: 'ignore', env: { LC_ALL: 'C' } });
  if (result.exitCode === 0 && !result.timedOut) return result.stdout;
  const said = (result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' ');
  throw new ToolFailed(tool, result.timedOut ? `no answer within ${timeoutMs} ms` : `${args.join(' ')}: ${said || `exit ${result.exitCode}`}`);
}

/**
 * The filesystem options. Journal-less ext4 (a throwaway filesystem: nothing to replay after a crash), no
 * blocks reserved for root, no online-resize reservation, and inode tables left for the kernel to treat as
 * zero (`lazy_itable_init` + the `noinit_itable` mount option): creating a 2 GiB filesystem writes a few
 * hundred kilobytes, and the image file stays sparse.
 */
export function mkfsArgs(image: string, label: string, inodes: number): string[] {
  return ['-q', '-F', '-t', 'ext4', '-L', label, '-b', '4096', '-I', '256', '-N', String(inodes), '-m', '0', '-O', '^has_journal,^resize_inode', '-E', 'lazy_itable_init=1,nodiscard', image];
}

/**
 * `loop` lets mount pick a free loop device and set it to detach by itself once the last mount of the
 * filesystem goes (autoclear): a container still holding it keeps it until the container is removed.
 * `nosuid,nodev`; not `noexec`, which would break `./run.sh` and Makefile targets calling scripts.
 */
export const MOUNT_OPTIONS = 'loop,nosuid,nodev,noatime,noinit_itable';

export async function mountImage(image: string, mountPoint: string): Promise<void> {
  await run('mount', ['-t', 'ext4', '-o', MOUNT_OPTIONS, image, mountPoint]);
}

export async function bindMount(source: string, target: string): Promise<void> {
  await run('mount', ['--bind', source, target]);
}

/** Unmounts; a mount still busy on the host (a reader holding a file) is detached lazily rather than left. */
export async function unmount(mountPoint: string): Promise<void> {
  try {
    await run('umount', [mountPoint], 30_000);
  } catch (error) {
    if (!(error instanceof ToolFailed) || !/busy/i.test(error.detail)) throw error;
    await run('umount', ['-l', mountPoint], 30_000);
  }
}
