import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MsprError } from '../errors.js';
import { type Localized, t } from '../i18n.js';
import { packagePath } from '../paths.js';
import { defaultCacheDir } from '../settings.js';
import { DockerClient } from '../sandbox/docker/docker-client.js';
import { LABEL_IMAGE, LABEL_MANAGED } from '../sandbox/docker/labels.js';
import { contentTag, imageContent, imageReference, type ImageContent } from './content-tag.js';
import { type DebianArchive, readDebianArchive } from './debian/apt-sources.js';
import { buildRecipeImages } from './fallback/build-recipe-images.js';
import { candidateVersions } from './debian/package-versions.js';
import { runBuildScript } from './debian/run-build-script.js';
import { imageExists, type ImageRecipeName, listImages } from './image-lookup.js';
import { importRootfs } from './import-rootfs.js';
import { type ImageRecipe, RECIPE_NAMES, RECIPES } from './recipes.js';

const BUILD_SCRIPT = packagePath('runner', 'images', 'debian', 'build-rootfs.sh');

export interface BuildImagesOptions {
  client?: DockerClient;
  /** Default: every recipe (python, postgres, mariadb). */
  recipes?: ImageRecipeName[];
  /** Rebuild the root filesystem and re-import even when the content tag is already there. */
  force?: boolean;
  /** Minbase tarballs, .deb files and root filesystem tarballs (default: see `defaultCacheDir`). */
  cacheDir?: string;
  /** Progress lines (build script output, timings). */
  log?: (line: string) => void;
  /** Debian packages added to the python (runtime) image; they enter its content tag like the others. */
  extraPackages?: string[];
  /**
   * `debian`: debootstrap from the host's apt sources (needs root); `dockerfile`: generated Dockerfiles on the
   * official Debian image (needs a registry or the base image loaded); `auto` (default): debian where the host
   * has Debian apt sources, else dockerfile.
   */
  method?: BuildMethod;
  /** Base of the dockerfile method (default `debian:bookworm-slim`), e.g. a school's registry mirror. */
  baseImage?: string;
  /** Why the build takes another path than asked (a sentence for the user, in both languages). */
  notice?: (text: Localized) => void;
  /** Where the host's os-release and apt sources are read (tests point it at a fake non-Debian host). */
  etc?: string;
}

export type BuildMethod = 'auto' | 'debian' | 'dockerfile';

export interface BuildOutcome {
  recipe: ImageRecipeName;
  image: string;
  /** `present`: the tag was already in the engine; `imported`: the cached tarball was imported again. */
  status: 'present' | 'built' | 'imported';
  via: 'debian' | 'dockerfile';
  rootfsSeconds?: number;
  importSeconds?: number;
  /** Dockerfile method: the build's duration and the generated Dockerfile. */
  buildSeconds?: number;
  dockerfile?: string;
}

/** Outside the clone, shared by every checkout on the machine (see runner/settings.ts). */
export { defaultCacheDir } from '../settings.js';

/**
 * `mspr-lab images build`: builds each recipe's image from Debian packages, offline from any container
 * registry, unless the engine already has the image of that exact content.
 */
export async function buildImages(options: BuildImagesOptions = {}): Promise<BuildOutcome[]> {
  const client = options.client ?? new DockerClient();
  const log = options.log ?? (() => undefined);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const recipes = (options.recipes ?? RECIPE_NAMES).map((name) => withExtraPackages(RECIPES[name], options.extraPackages));
  const archive = debianArchiveFor(options.method ?? 'auto', options.etc, options.notice ?? (() => undefined));
  if (!archive) {
    const built = await buildRecipeImages(recipes, { client, cacheDir, baseImage: options.baseImage, force: options.force, log });
    return built.map((outcome) => ({ ...outcome, via: 'dockerfile' as const }));
  }
  const outcomes: BuildOutcome[] = [];
  for (const recipe of recipes) {
    const name = recipe.name;
    const content = imageContent(recipe, archive, await candidateVersions(recipe.packages), BUILD_SCRIPT);
    const image = imageReference(content);
    if (!options.force && (await imageExists(client, image))) {
      outcomes.push({ recipe: name, image, status: 'present', via: 'debian' });
      continue;
    }
    const tarball = join(cacheDir, 'rootfs', `${name}-${contentTag(content)}.tar`);
    let rootfsSeconds: number | undefined;
    if (options.force || !existsSync(tarball)) {
      requireRoot();
      const started = Date.now();
      await buildRootfs(content, archive.keyring, recipe.setupDir, cacheDir, tarball, log);
      rootfsSeconds = (Date.now() - started) / 1000;
      log(`${name}: rootfs ${rootfsSeconds.toFixed(0)} s`);
    }
    const started = Date.now();
    const replaced = await imageId(client, image);
    await importRootfs(client, tarball, image, [...recipe.config, labelsInstruction(content)]);
    // Re-importing a tag (--force, or a lost image) leaves the previous image untagged: 1.5 GB of litter.
    if (replaced && replaced !== (await imageId(client, image))) await removeImage(client, replaced);
    const importSeconds = (Date.now() - started) / 1000;
    log(`${image}: import ${importSeconds.toFixed(0)} s`);
    await pruneOlder(client, cacheDir, name, image, tarball);
    outcomes.push({ recipe: name, image, status: rootfsSeconds === undefined ? 'imported' : 'built', via: 'debian', rootfsSeconds, importSeconds });
  }
  return outcomes;
}

/**
 * The host's Debian archive, or undefined when the Dockerfile method is to be used: asked for, or `auto` on a
 * host without Debian apt sources (the reason is logged, so the user knows why the build pulls an image).
 */
function debianArchiveFor(method: BuildMethod, etc: string | undefined, notice: (text: Localized) => void): DebianArchive | undefined {
  if (method === 'dockerfile') return undefined;
  try {
    return readDebianArchive(etc);
  } catch (error) {
    if (method === 'debian' || !(error instanceof MsprError) || error.code !== 'MSPR_SANDBOX_UNAVAILABLE') throw error;
    notice(
      t(
        `${error.text.fr} Construction par Dockerfile sur l’image Debian officielle à la place (mêmes paquets, même script d’installation).`,
        `${error.text.en} Building from Dockerfiles on the official Debian image instead (same packages, same setup script).`,
      ),
    );
    return undefined;
  }
}

async function buildRootfs(content: ImageContent, keyring: string | undefined, setupDir: string, cacheDir: string, tarball: string, log: (line: string) => void): Promise<void> {
  await mkdir(join(cacheDir, 'rootfs'), { recursive: true });
  const sources = join(cacheDir, 'rootfs', `${content.recipe}.sources`);
  await writeFile(sources, content.sources);
  // The minbase tarball depends only on the release, the mirror and the script: shared by every recipe.
  const baseKey = createHash('sha256').update(JSON.stringify([content.suite, content.mirror, content.files['build-rootfs.sh']])).digest('hex').slice(0, 12);
  await runBuildScript(
    BUILD_SCRIPT,
    {
      MSPR_SUITE: content.suite,
      MSPR_MIRROR: content.mirror,
      MSPR_KEYRING: keyring ?? '',
      MSPR_SOURCES: sources,
      MSPR_PACKAGES: Object.keys(content.packages).join(' '),
      MSPR_SETUP_DIR: setupDir,
      MSPR_CACHE: cacheDir,
      MSPR_BASE_KEY: `${content.suite}-${baseKey}`,
      MSPR_OUT: tarball,
    },
    log,
  );
}

/** Image labels: how `images list` and the backend's default image lookup find and describe images. */
function labelsInstruction(content: ImageContent): string {
  const labels: Record<string, string> = {
    [LABEL_MANAGED]: 'true',
    [LABEL_IMAGE]: content.recipe,
    'mspr-lab.content': contentTag(content),
    'mspr-lab.suite': content.suite,
    'mspr-lab.packages': Object.entries(content.packages).map(([p, v]) => `${p}=${v}`).join(' '),
  };
  return `LABEL ${Object.entries(labels).map(([k, v]) => `${JSON.stringify(k)}=${JSON.stringify(v)}`).join(' ')}`;
}

async function imageId(client: DockerClient, image: string): Promise<string | undefined> {
  if (!(await imageExists(client, image))) return undefined;
  const info = await client.call('inspect image', (abortSignal) => client.docker.getImage(image).inspect({ abortSignal } as object));
  return info.Id;
}

/** Removes an image unless a container still uses it (then it stays, and `cleanup` or a later build retries). */
function removeImage(client: DockerClient, image: string): Promise<unknown> {
  return client.call('remove old image', (abortSignal) => client.docker.getImage(image).remove({ abortSignal })).catch(() => undefined);
}

/** Older builds of the same recipe: their tarballs go, their images go unless a container still uses them. */
async function pruneOlder(client: DockerClient, cacheDir: string, recipe: string, keepImage: string, keepTarball: string): Promise<void> {
  const dir = join(cacheDir, 'rootfs');
  for (const file of await readdir(dir).catch(() => [] as string[])) {
    const path = join(dir, file);
    if (file.startsWith(`${recipe}-`) && !file.startsWith(basename(keepTarball))) await rm(path, { force: true });
  }
  for (const old of await listImages(client, recipe)) {
    if (old.tag === keepImage) continue;
    await removeImage(client, old.tag);
  }
}

/** A school's additions to the runtime image (pip names already mapped to Debian's by the caller). */
export function withExtraPackages(recipe: ImageRecipe, extra: string[] = []): ImageRecipe {
  if (recipe.name !== 'python' || extra.length === 0) return recipe;
  return { ...recipe, packages: [...new Set([...recipe.packages, ...extra])] };
}

function requireRoot(): void {
  if (process.getuid?.() === 0) return;
  throw new MsprError('MSPR_SANDBOX_UNAVAILABLE', t('Construire une image depuis Debian demande les droits root (debootstrap, chroot).', 'Building an image from Debian needs root (debootstrap, chroot).'), {
    hint: t(
      'Relancez avec sudo : `sudo mspr-lab images build`, ou construisez sans root par Dockerfile sur l’image Debian officielle : `mspr-lab images build --method dockerfile`.',
      'Run again with sudo: `sudo mspr-lab images build`, or build without root from Dockerfiles on the official Debian image: `mspr-lab images build --method dockerfile`.',
    ),
  });
}
