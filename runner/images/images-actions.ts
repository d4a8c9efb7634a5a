import { toDebianPackages } from '../environment/debian-mapping.js';
import { type Lang, pick, t } from '../i18n.js';
import { DockerClient } from '../sandbox/docker/docker-client.js';
import { formatDuration } from '../i18n/format.js';
import { type BuildMethod, buildImages, type BuildImagesOptions } from './build-images.js';
import { listImages } from './image-lookup.js';
import { RECIPE_NAMES } from './recipes.js';
import type { ImageRecipeName } from './image-lookup.js';

/**
 * The bodies of `mspr-lab images build` and `mspr-lab images list`, kept apart from argument parsing: the CLI
 * (runner/cli/images-command.ts) only maps flags to these calls.
 */
export async function imagesBuild(
  options: {
    recipes?: string[];
    force?: boolean;
    cacheDir?: string;
    verbose?: boolean;
    dockerfile?: string;
    role?: string;
    extraPackages?: string[];
    method?: BuildMethod;
    baseImage?: string;
    lang: Lang;
  },
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  if (options.dockerfile) {
    const { buildFromDockerfile } = await import('./build-from-dockerfile.js');
    const outcome = await buildFromDockerfile({ dockerfile: options.dockerfile, role: options.role, force: options.force, log: options.verbose ? write : undefined });
    const seconds = formatDuration((outcome.seconds ?? Number.NaN) * 1000, options.lang);
    const how = outcome.status === 'present' ? t('à jour (rien à faire)', 'up to date (nothing to do)') : t(`construite (${seconds})`, `built (${seconds})`);
    write(`${outcome.image}  ${pick(how, options.lang)}`);
    return;
  }
  const recipes = options.recipes?.length ? options.recipes.filter((r): r is ImageRecipeName => RECIPE_NAMES.includes(r as ImageRecipeName)) : undefined;
  const unknown = options.recipes?.filter((r) => !RECIPE_NAMES.includes(r as ImageRecipeName)) ?? [];
  if (unknown.length) write(pick(t(`Recettes inconnues ignorées : ${unknown.join(', ')}`, `Unknown recipes ignored: ${unknown.join(', ')}`), options.lang));
  // Without --verbose, only the build's own milestones ([build-rootfs] …, [dockerfile] …), not apt's hundreds of lines.
  const log = (line: string) => (options.verbose || /^\[(build-rootfs|dockerfile)\]/.test(line) ? write(line) : undefined);
  const { packages: extraPackages, unknown: noDebian } = toDebianPackages(options.extraPackages ?? []);
  if (noDebian.length) write(pick(t(`Sans paquet Debian, ignorés (fournissez-les par --pip-index ou --wheelhouse) : ${noDebian.join(', ')}`, `No Debian package, skipped (provide them with --pip-index or --wheelhouse): ${noDebian.join(', ')}`), options.lang));
  if (extraPackages.length) write(pick(t(`Paquets ajoutés à l’image python : ${extraPackages.join(', ')}`, `Packages added to the python image: ${extraPackages.join(', ')}`), options.lang));
  const build: BuildImagesOptions = {
    recipes,
    force: options.force,
    cacheDir: options.cacheDir,
    log,
    extraPackages,
    method: options.method,
    baseImage: options.baseImage,
    notice: (text) => write(pick(text, options.lang)),
  };
  // An unknown time shows as `?` (formatDuration of NaN), not as a false 0 s.
  const duration = (seconds: number | undefined) => formatDuration((seconds ?? Number.NaN) * 1000, options.lang);
  for (const outcome of await buildImages(build)) {
    const rootfs = duration(outcome.rootfsSeconds);
    const imported = duration(outcome.importSeconds);
    const built = duration(outcome.buildSeconds);
    const how = {
      present: t('à jour (rien à faire)', 'up to date (nothing to do)'),
      built:
        outcome.via === 'dockerfile'
          ? t(`construite par Dockerfile (${built}) : ${outcome.dockerfile}`, `built from a Dockerfile (${built}): ${outcome.dockerfile}`)
          : t(`construite (rootfs ${rootfs}, import ${imported})`, `built (rootfs ${rootfs}, import ${imported})`),
      imported: t(`importée depuis le cache (${imported})`, `imported from cache (${imported})`),
    }[outcome.status];
    write(`${outcome.image}  ${pick(how, options.lang)}`);
  }
}

export async function imagesList(options: { lang: Lang }, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<void> {
  const images = await listImages(new DockerClient());
  if (images.length === 0) {
    write(pick(t('Aucune image mspr-lab. Construisez-les : mspr-lab images build', 'No mspr-lab image. Build them: mspr-lab images build'), options.lang));
    return;
  }
  for (const image of images) {
    const size = `${(image.sizeBytes / 2 ** 20).toFixed(0)} MiB`;
    write(`${image.tag.padEnd(32)} ${size.padStart(9)}  ${image.createdAt.toISOString()}  ${image.labels['mspr-lab.suite'] ?? ''}`);
  }
}
