import { join } from 'node:path';
import { MsprError } from '../../errors.js';
import { t } from '../../i18n.js';
import type { DockerClient } from '../../sandbox/docker/docker-client.js';
import { buildFromDockerfile } from '../build-from-dockerfile.js';
import { followEngineProgress } from '../engine-progress.js';
import { imageExists } from '../image-lookup.js';
import type { ImageRecipe } from '../recipes.js';
import { DEFAULT_BASE_IMAGE, writeRecipeContext } from './recipe-dockerfile.js';

/** Pulling a ~30 MB base image: minutes on a slow school link, never an hour. */
const PULL_TIMEOUT_MS = 20 * 60_000;

export interface RecipeImagesOptions {
  client: DockerClient;
  cacheDir: string;
  /** Default `debian:bookworm-slim`; a school's registry mirror names its own copy. */
  baseImage?: string;
  force?: boolean;
  log: (line: string) => void;
}

export interface RecipeImageOutcome {
  recipe: ImageRecipe['name'];
  image: string;
  status: 'present' | 'built';
  buildSeconds?: number;
  /** The generated Dockerfile, so the user can read or adapt it. */
  dockerfile: string;
}

/**
 * The images of `recipes` built from generated Dockerfiles on top of the official Debian image: the path for
 * hosts without Debian apt sources. The base is pulled once, up front, so that an unreachable registry is
 * reported as such (with what to do) rather than as a failed build step.
 */
export async function buildRecipeImages(recipes: ImageRecipe[], options: RecipeImagesOptions): Promise<RecipeImageOutcome[]> {
  const base = options.baseImage ?? DEFAULT_BASE_IMAGE;
  const contexts = await Promise.all(recipes.map(async (recipe) => ({ recipe, dockerfile: await writeRecipeContext(recipe, join(options.cacheDir, 'dockerfiles', recipe.name), base) })));
  await ensureBaseImage(options.client, base, contexts[0]?.dockerfile, options.log);
  const outcomes: RecipeImageOutcome[] = [];
  for (const { recipe, dockerfile } of contexts) {
    options.log(`[dockerfile] ${recipe.name}: ${dockerfile}`);
    const outcome = await buildFromDockerfile({ dockerfile, role: recipe.name, force: options.force, client: options.client, log: options.log });
    outcomes.push({ recipe: recipe.name, image: outcome.image, status: outcome.status, buildSeconds: outcome.seconds, dockerfile });
  }
  return outcomes;
}

async function ensureBaseImage(client: DockerClient, base: string, example: string | undefined, log: (line: string) => void): Promise<void> {
  if (await imageExists(client, base)) return;
  log(`[dockerfile] docker pull ${base}`);
  try {
    await client.call(
      `pull ${base}`,
      async (abortSignal) => {
        const stream = (await client.docker.pull(base, { abortSignal })) as NodeJS.ReadableStream;
        await followEngineProgress(stream, t(`Le téléchargement de ${base} a échoué.`, `Pulling ${base} failed.`));
      },
      PULL_TIMEOUT_MS,
    );
  } catch (error) {
    throw new MsprError(
      'MSPR_SANDBOX_UNAVAILABLE',
      t(
        `Impossible de construire les images : cette machine n’a pas de sources apt Debian (pas de debootstrap possible) et l’image de base ${base} n’a pas pu être téléchargée.`,
        `Cannot build the images: this machine has no Debian apt sources (no debootstrap) and the base image ${base} could not be pulled.`,
      ),
      {
        hint: t(
          [
            'Au choix :',
            `- un miroir de registre joignable : \`mspr-lab images build --base-image <miroir>/debian:bookworm-slim\` ;`,
            `- l’image de base chargée à la main (\`docker load -i debian-bookworm-slim.tar\`), puis \`mspr-lab images build\` ;`,
            `- votre propre Dockerfile : \`mspr-lab images build --dockerfile <fichier>\`${example ? ` (modèle : ${example})` : ''} ;`,
            '- une machine Debian avec ses sources apt : `sudo mspr-lab images build` ;',
            '- sans Docker : `mspr-lab check … --sandbox local`.',
          ].join('\n'),
          [
            'Any of:',
            `- a reachable registry mirror: \`mspr-lab images build --base-image <mirror>/debian:bookworm-slim\`;`,
            `- the base image loaded by hand (\`docker load -i debian-bookworm-slim.tar\`), then \`mspr-lab images build\`;`,
            `- your own Dockerfile: \`mspr-lab images build --dockerfile <file>\`${example ? ` (template: ${example})` : ''};`,
            '- a Debian machine with its apt sources: `sudo mspr-lab images build`;',
            '- without Docker: `mspr-lab check … --sandbox local`.',
          ].join('\n'),
        ),
        details: [error instanceof MsprError ? [error.message, ...(error.details ?? [])].join(' ') : String(error instanceof Error ? error.message : error)],
      },
    );
  }
}
