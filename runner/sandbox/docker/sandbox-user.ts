import { fchownSync, lchownSync } from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import { closeFolder, entryNames, lstatEntry, openSubfolder, openTrustedFolder } from '../../safe-read/open-folder.js';
import { walkInside } from '../../safe-read/walk-inside.js';

/** The uid/gid of the `mspr` user baked into mspr-lab's runtime image (runner/images/recipes/python). */
export const SANDBOX_UID = 10001;
export const SANDBOX_GID = 10001;

/**
 * The uid of the container's own processes (docker-init and `sleep infinity`): neither root nor the
 * candidate's uid, so the candidate cannot signal them (`kill -9 -1` would otherwise stop the container).
 */
export function keeperUid(candidateUid: number): number {
  return candidateUid === 10002 ? 10003 : 10002;
}

/** Who the candidate's processes run as, and whether the host folders they write must be handed over. */
export interface SandboxUser {
  uid: number;
  gid: number;
  /** True when the bind-mounted folders must be chowned to `uid:gid` before the container starts. */
  chownHostFolders: boolean;
}

/**
 * Bind mounts keep host ownership, so the container's user must be able to write folders the host created.
 * - mspr-lab run by a normal user: the candidate runs with that same uid/gid. Files it creates belong to the
 *   user, who can read and delete them afterwards; no chown needed.
 * - mspr-lab run as root (CI, exam servers): the candidate must not be root, so it runs as the image's fixed
 *   `mspr` user (10001) and the workspace and trace folders are chowned to it. Root keeps full access.
 */
export function chooseSandboxUser(getuid = process.getuid, getgid = process.getgid): SandboxUser {
  const uid = getuid?.() ?? SANDBOX_UID;
  if (uid !== 0) return { uid, gid: getgid?.() ?? uid, chownHostFolders: false };
  return { uid: SANDBOX_UID, gid: SANDBOX_GID, chownHostFolders: true };
}

/**
 * Creates the folders if needed and, when the user requires it, hands them (recursively) to the user. Called
 * before the container starts, on folders the grader filled (the workspace copy, empty trace folders); even
 * so the walk never follows a link: it descends only into real folders, opened from their parent's
 * descriptor, and `lchown`s every entry through that descriptor, so a link (committed, or planted by a
 * later change) is chowned itself and what it points to is never touched.
 */
export async function prepareWritableFolders(user: SandboxUser, folders: string[]): Promise<void> {
  for (const folder of folders) {
    await mkdir(folder, { recursive: true });
    if (!user.chownHostFolders) continue;
    await chown(folder, user.uid, user.gid);
    walkInside(folder, ({ path, stats }) => {
      lchownSync(path, user.uid, user.gid);
      return stats.isDirectory();
    });
  }
}

/**
 * Between steps, the candidate's code has run and may have planted links anywhere it can write, so nothing
 * is walked. Only folders the grader itself created after the start are handed over: direct entries of
 * `folder` that are real, empty folders still owned by the grader (the candidate cannot create a folder
 * owned by root), each opened with `O_NOFOLLOW | O_DIRECTORY` and chowned by descriptor (`fchown`).
 */
export function handOverNewFolders(user: SandboxUser, folder: string): void {
  if (!user.chownHostFolders) return;
  const parent = openTrustedFolder(folder);
  try {
    for (const name of entryNames(parent)) {
      const stats = lstatEntry(parent, name);
      if (!stats?.isDirectory() || stats.uid === user.uid || stats.uid !== process.getuid?.()) continue;
      const sub = openSubfolder(parent, name, stats);
      if (!sub) continue;
      try {
        if (entryNames(sub).length === 0) fchownSync(sub.fd, user.uid, user.gid);
      } finally {
        closeFolder(sub);
      }
    }
  } finally {
    closeFolder(parent);
  }
}
