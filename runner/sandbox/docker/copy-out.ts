import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type Docker from 'dockerode';
import { MsprError } from '../../errors.js';
import { t } from '../../i18n.js';
import { entryPath } from '../../safe-read/open-folder.js';
import { release, resolveInside } from '../../safe-read/resolve-inside.js';
import type { DockerClient } from './docker-client.js';

/** A container folder that is a bind mount of a host folder. */
export interface MountedFolder {
  container: string;
  host: string;
}

/**
 * Copies a path of the sandbox's view to the host. Bind-mounted folders (workspace, trace, datasets) are
 * read straight from the host, which is faster and needs no daemon; anything else comes through the
 * engine's archive API and the host's `tar`.
 */
export async function copyOut(
  client: DockerClient,
  container: Docker.Container,
  mounts: MountedFolder[],
  sandboxPath: string,
  hostPath: string,
): Promise<void> {
  const normalized = posix.normalize(sandboxPath);
  for (const mount of mounts) {
    const rel = posix.relative(mount.container, normalized);
    if (rel.startsWith('..') || posix.isAbsolute(rel)) continue;
    await copyFromMount(mount, rel, hostPath, sandboxPath);
    return;
  }
  const archive = (await client.call('copy out', (abortSignal) =>
    container.getArchive({ path: normalized, abortSignal }),
  )) as NodeJS.ReadableStream;
  const staging = await mkdtemp(join(dirname(hostPath), '.mspr-copy-'));
  try {
    await untar(archive, staging);
    const [entry] = await readdir(staging);
    if (!entry) throw new Error('empty archive');
    await rm(hostPath, { recursive: true, force: true });
    await rename(join(staging, entry), hostPath);
  } catch (error) {
    throw new MsprError('MSPR_SANDBOX_FAILED', t(`Copie impossible depuis le bac à sable : ${sandboxPath}`, `Could not copy out of the sandbox: ${sandboxPath}`), {
      cause: error,
      details: [error instanceof Error ? error.message : String(error)],
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * The folders on the way to `rel` are the candidate's: a link among them (`/workspace/evil → /etc`) would
 * make root copy host files out. The parent is resolved through the safe reader with no link followed, and
 * the copy starts from its descriptor; below it `cp` copies links as links (`dereference: false`).
 */
async function copyFromMount(mount: MountedFolder, rel: string, hostPath: string, sandboxPath: string): Promise<void> {
  const parts = rel.split('/').filter(Boolean);
  const name = parts.pop();
  const parent = resolveInside(mount.host, parts.join('/'), 'none');
  try {
    if (parent.kind !== 'folder') {
      const reason = parent.kind === 'refused' ? `${parent.reason}${parent.facts.target ? ` (${parent.facts.target})` : ''}` : 'no such folder';
      throw new MsprError('MSPR_SANDBOX_FAILED', t(`Copie refusée depuis le bac à sable : ${sandboxPath} (${reason}).`, `Copy out of the sandbox refused: ${sandboxPath} (${reason}).`), {
        hint: t('Le chemin ne doit passer par aucun lien symbolique.', 'The path must not go through any symbolic link.'),
      });
    }
    const source = name === undefined ? mount.host : entryPath(parent.folder, name);
    await cp(source, hostPath, { recursive: true, force: true, dereference: false, verbatimSymlinks: true });
  } finally {
    release(parent);
  }
}

function untar(archive: NodeJS.ReadableStream, into: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // --no-same-owner: files must belong to whoever runs mspr-lab, not to the container's uid.
    const tar = spawn('tar', ['-x', '--no-same-owner', '-C', into], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    tar.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    tar.on('error', reject);
    tar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar exited with ${code}: ${stderr.trim()}`))));
    archive.on('error', reject);
    archive.pipe(tar.stdin);
  });
}
