import { toDebianPackages } from '../environment/debian-mapping.js';
import { type Lang, pick, t } from '../i18n.js';
import { formatDuration } from '../i18n/format.js';
import { DockerClient } from '../sandbox/docker/docker-client.js';
import { buildImages, type BuildImagesOptions } from './build-images.js';
import { listImages } from './image-lookup.js';
import { RECIPE_NAMES } from './recipes.js';
import type { ImageRecipeName } from './image-lookup.js';

/**
 * The bodies of `mspr-lab images build` and `mspr-lab images list`, kept apart from argument parsing: the CLI
 * (runner/cli/images-command.ts) only maps flags to these calls.
 */
export async function imagesBuild(
  options: { recipes?: string[]; force?: boolean; cacheDir?: string; verbose?: boolean; dockerfile?: string; role?: string; extraPackages?: string[]; lang: Lang },
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  if (options.dockerfile) {
    const { buildFromDockerfile } = await import('./build-from-dockerfile.js');
    const outcome = await buildFromDockerfile({ dockerfile: options.dockerfile, role: options.role, force: options.force, log: options.verbose ? write : undefined });
    const how = outcome.status === 'present' ? t('à jour (rien à faire)', 'up to date (nothing to do)') : t(`construite (${seconds(outcome.seconds, 'fr')})`, `built (${seconds(outcome.seconds, 'en')})`);
    write(`${outcome.image}  ${pick(how, options.lang)}`);
    return;
  }
  const recipes = options.recipes?.length ? options.recipes.filter((r): r is ImageRecipeName => RECIPE_NAMES.includes(r as ImageRecipeName)) : undefined;
  const unknown = options.recipes?.filter((r) => !RECIPE_NAMES.includes(r as ImageRecipeName)) ?? [];
  if (unknown.length) write(pick(t(`Recettes inconnues ignorées : ${unknown.join(', ')}`, `Unknown recipes ignored: ${unknown.join(', ')}`), options.lang));
  // Without --verbose, only the build script's own milestones ([build-rootfs] …), not apt's hundreds of lines.
  const log = (line: string) => (options.verbose || line.startsWith('[build-rootfs]') ? write(line) : undefined);
  const { packages: extraPackages, unknown: noDebian } = toDebianPackages(options.extraPackages ?? []);
  if (noDebian.length) write(pick(t(`Sans paquet Debian, ignorés (fournissez-les par --pip-index ou --wheelhouse) : ${noDebian.join(', ')}`, `No Debian package, skipped (provide them with --pip-index or --wheelhouse): ${noDebian.join(', ')}`), options.lang));
  if (extraPackages.length) write(pick(t(`Paquets ajoutés à l’image python : ${extraPackages.join(', ')}`, `Packages added to the python image: ${extraPackages.join(', ')}`), options.lang));
  const build: BuildImagesOptions = { recipes, force: options.force, cacheDir: options.cacheDir, log, extraPackages };
  for (const outcome of await buildImages(build)) {
    const how = {
      present: t('à jour (rien à faire)', 'up to date (nothing to do)'),
      built: t(`construite (rootfs ${seconds(outcome.rootfsSeconds, 'fr')}, import ${seconds(outcome.importSeconds, 'fr')})`, `built (rootfs ${seconds(outcome.rootfsSeconds, 'en')}, import ${seconds(outcome.importSeconds, 'en')})`),
      imported: t(`importée depuis le cache (${seconds(outcome.importSeconds, 'fr')})`, `imported from cache (${seconds(outcome.importSeconds, 'en')})`),
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

/** A build or import time for people; `?` when the builder did not say. */
function seconds(value: number | undefined, lang: Lang): string {
  return formatDuration(value === undefined ? Number.NaN : value * 1000, lang);
}
