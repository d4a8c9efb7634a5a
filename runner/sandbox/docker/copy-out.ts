import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type Docker from 'dockerode';
import { MsprError } from '../../errors.js';
import { t } from '../../i18n.js';
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
    const source = join(mount.host, ...rel.split('/').filter(Boolean));
    await cp(source, hostPath, { recursive: true, force: true, dereference: false, verbatimSymlinks: true });
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
