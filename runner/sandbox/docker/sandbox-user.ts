import { chown, lchown, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

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

/** Creates the folders if needed and, when the user requires it, hands them (recursively) to the user. */
export async function prepareWritableFolders(user: SandboxUser, folders: string[]): Promise<void> {
  for (const folder of folders) {
    await mkdir(folder, { recursive: true });
    if (!user.chownHostFolders) continue;
    await chown(folder, user.uid, user.gid);
    const entries = await readdir(folder, { recursive: true });
    // lchown: a symlink in a candidate's repository must not make root chown what it points to.
    await Promise.all(entries.map((entry) => lchown(join(folder, entry), user.uid, user.gid)));
  }
}
