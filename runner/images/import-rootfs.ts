import { createReadStream } from 'node:fs';
import { t } from '../i18n.js';
import type { DockerClient } from '../sandbox/docker/docker-client.js';
import { followEngineProgress } from './engine-progress.js';

/** Importing 1.5 GB takes ~20 s here; the bound is for a stuck daemon, not a slow disk. */
export const IMPORT_TIMEOUT_MS = 15 * 60_000;

/**
 * Imports a root filesystem tarball as an image, with Dockerfile instructions applied (`changes`). Done
 * through dockerode's `importImage` (the engine's `POST /images/create?fromSrc=-`) rather than the
 * `docker import` CLI: one client, one timeout policy, and no dependency on the CLI binary being installed.
 */
export async function importRootfs(client: DockerClient, tarball: string, image: string, changes: string[]): Promise<void> {
  const colon = image.lastIndexOf(':');
  const [repo, tag] = [image.slice(0, colon), image.slice(colon + 1)];
  await client.call(
    `import ${image}`,
    async (abortSignal) => {
      const progress = (await client.docker.importImage(createReadStream(tarball), {
        repo,
        tag,
        changes,
        message: 'mspr-lab images build',
        abortSignal,
      } as object)) as NodeJS.ReadableStream;
      await followEngineProgress(progress, t(`Import de l'image ${image} refusé par Docker.`, `Docker refused to import ${image}.`));
    },
    IMPORT_TIMEOUT_MS,
  );
}
