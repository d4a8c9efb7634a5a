import { type Command, Option } from 'commander';
import type { BuildMethod } from '../images/build-images.js';
import { langOf } from './lang-option.js';

interface BuildOptions {
  force?: boolean;
  dockerfile?: string;
  role?: string;
  extraPackages?: string;
  scenario?: string;
  cacheDir?: string;
  verbose?: boolean;
  method?: BuildMethod;
  baseImage?: string;
}

/** `mspr-lab images build|list`: the docker sandbox's images, built offline from Debian packages. */
export function registerImagesCommand(program: Command): void {
  const images = program
    .command('images')
    .description('build and list the docker sandbox images')
    .addHelpText('after', '\nExamples:\n  mspr-lab images build\n  mspr-lab images list');

  images
    .command('build')
    .description('build the runtime (python) and service (postgres, mariadb) images from Debian packages; skipped when up to date')
    .argument('[recipes...]', 'python, postgres, mariadb (default: all)')
    .option('--force', 'rebuild even when an image with the same content tag exists')
    .option('--cache-dir <dir>', 'debootstrap and rootfs cache (default: $MSPR_CACHE_DIR, /var/cache/mspr-lab as root, else ~/.cache/mspr-lab)')
    .option('--verbose', 'show the whole debootstrap/apt output')
    .option('--extra-packages <list>', 'comma-separated Debian packages (or pip names Debian packages exist for, e.g. python-dotenv) added to the python image')
    .option('--scenario <id|file>', 'also add the packages the scenario’s sandbox.packages lists')
    .option('--dockerfile <file>', 'build from a Dockerfile instead (where a registry is reachable); its folder is the context')
    .option('--role <name>', 'with --dockerfile: what the image is for (default: python, the candidate runtime)')
    .addOption(
      new Option('--method <method>', 'debian: debootstrap from this host’s apt sources (root); dockerfile: generated Dockerfiles on the official Debian image (pulled from a registry, or loaded by hand); auto: debian where the host has Debian apt sources')
        .choices(['auto', 'debian', 'dockerfile'])
        .default('auto'),
    )
    .option('--base-image <ref>', 'parent image of the dockerfile method, e.g. a registry mirror’s copy (default: debian:bookworm-slim)')
    .addHelpText('after', '\nExamples:\n  sudo mspr-lab images build\n  sudo mspr-lab images build python --extra-packages python3-dotenv,imbalanced-learn\n  sudo mspr-lab images build python --force\n  mspr-lab images build --method dockerfile --base-image registry.example.fr/debian:bookworm-slim\n  mspr-lab images build --dockerfile docker/runtime/Dockerfile\n\nFrom Debian: needs root (debootstrap, chroot), the Debian archive configured in apt, and a Docker engine.\nOn a host without Debian apt sources (Fedora, Ubuntu, macOS), the same recipes are built from generated Dockerfiles on debian:bookworm-slim.\nFrom a Dockerfile: needs a Docker engine and whatever registry its FROM line names.')
    .action(async (recipes: string[], options: BuildOptions, command: Command) => {
      const { imagesBuild } = await import('../images/images-actions.js');
      const extraPackages = (options.extraPackages ?? '').split(',');
      if (options.scenario) {
        const { loadScenario } = await import('../../scenarios/load-scenario.js');
        extraPackages.push(...((await loadScenario(options.scenario)).scenario.sandbox.packages ?? []));
      }
      await imagesBuild({ recipes, force: options.force, cacheDir: options.cacheDir, verbose: options.verbose, dockerfile: options.dockerfile, role: options.role, extraPackages, method: options.method, baseImage: options.baseImage, lang: langOf(command) });
    });

  images
    .command('list')
    .description('list the mspr-lab images in the local Docker engine')
    .addHelpText('after', '\nExample:\n  mspr-lab images list')
    .action(async (_options, command: Command) => {
      const { imagesList } = await import('../images/images-actions.js');
      await imagesList({ lang: langOf(command) });
    });
}
