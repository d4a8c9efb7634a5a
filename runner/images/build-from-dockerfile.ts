import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { MsprError } from '../errors.js';
import { t } from '../i18n.js';
import { DockerClient } from '../sandbox/docker/docker-client.js';
import { LABEL_IMAGE, LABEL_MANAGED } from '../sandbox/docker/labels.js';
import { followEngineProgress } from './engine-progress.js';
import { imageExists } from './image-lookup.js';

/** A Dockerfile build pulls a base image and installs packages: minutes, not hours. */
const BUILD_TIMEOUT_MS = 60 * 60_000;
/** The build context is sent to the daemon in one tarball; past this, something was not meant to be in it. */
const MAX_CONTEXT_BYTES = 200 * 1024 * 1024;

export interface DockerfileBuildOptions {
  /** Path of the Dockerfile; its folder is the build context. */
  dockerfile: string;
  /** What the image is for, as `images list` and the backend's default lookup see it (default: python). */
  role?: string;
  force?: boolean;
  client?: DockerClient;
  log?: (line: string) => void;
}

export interface DockerfileBuildOutcome {
  image: string;
  status: 'present' | 'built';
  seconds?: number;
}

/**
 * `mspr-lab images build --dockerfile <file>`: the path for sites where a registry is reachable (e.g.
 * `FROM python:3.11-slim` plus the scenario's packages). Like the Debian path, the tag derives from the
 * content — every file of the context — so an unchanged build is skipped.
 */
export async function buildFromDockerfile(options: DockerfileBuildOptions): Promise<DockerfileBuildOutcome> {
  const client = options.client ?? new DockerClient();
  const role = options.role ?? 'python';
  const contextDir = dirname(options.dockerfile);
  const files = contextFiles(contextDir);
  const image = `mspr-lab/${role}:df-${contentHash(contextDir, files)}`;
  if (!options.force && (await imageExists(client, image))) return { image, status: 'present' };

  const started = Date.now();
  await client.call(
    `build ${image}`,
    async (abortSignal) => {
      const stream = (await client.docker.buildImage(
        { context: contextDir, src: files },
        {
          t: image,
          dockerfile: relative(contextDir, options.dockerfile),
          // The engine keeps a failed step's container unless told otherwise; a grader must not leave litter.
          rm: true,
          forcerm: true,
          labels: { [LABEL_MANAGED]: 'true', [LABEL_IMAGE]: role, 'mspr-lab.content': image.split(':')[1]!, 'mspr-lab.dockerfile': basename(options.dockerfile) },
          abortSignal,
        } as object,
      )) as NodeJS.ReadableStream;
      const log = options.log ?? (() => undefined);
      await followEngineProgress(stream, t(`La construction de ${image} a échoué.`, `Building ${image} failed.`), (event) => {
        if (event.stream?.trim()) log(event.stream.trimEnd());
      });
    },
    BUILD_TIMEOUT_MS,
  );
  return { image, status: 'built', seconds: (Date.now() - started) / 1000 };
}

/** Every file of the context except git's own, relative and sorted (the hash must not depend on listing order). */
function contextFiles(root: string): string[] {
  const found: string[] = [];
  let total = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        total += statSync(path).size;
        found.push(relative(root, path));
      }
    }
  };
  walk(root);
  if (total > MAX_CONTEXT_BYTES) {
    throw new MsprError('MSPR_SANDBOX_FAILED', t(`Contexte de construction trop gros (${total} octets) dans ${root}.`, `Build context too large (${total} bytes) in ${root}.`), {
      hint: t('Placez le Dockerfile dans un dossier qui ne contient que ce dont l’image a besoin.', 'Put the Dockerfile in a folder holding only what the image needs.'),
    });
  }
  return found.sort();
}

function contentHash(root: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex').slice(0, 12);
}
