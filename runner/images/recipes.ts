import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { ImageRecipeName } from './image-lookup.js';

/**
 * What goes into one image. Changing anything here (or in the recipe's folder, or in build-rootfs.sh) changes
 * the content tag, so the next `images build` rebuilds; bump `revision` for changes the hash cannot see.
 */
export interface ImageRecipe {
  name: ImageRecipeName;
  /** Debian packages installed with --no-install-recommends. Their candidate versions enter the tag. */
  packages: string[];
  /** Folder copied into the chroot; its `setup.sh` runs there as root (users, entrypoint, mount points). */
  setupDir: string;
  /** Dockerfile instructions applied at import (`docker import --change`). */
  config: string[];
  revision: number;
}

/** The data stack Debian bookworm ships, from the list both sandboxes share (see the file's header). */
export const PYTHON_PACKAGES: string[] = readFileSync(packagePath('runner', 'images', 'recipes', 'python', 'packages.txt'), 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*/, '').trim())
  .filter(Boolean);

const RUNTIME_ENV = ['ENV LANG=C.UTF-8', 'ENV PATH=/usr/local/bin:/usr/bin:/bin'];
/** Database servers and their tools live in sbin too. */
const SERVICE_ENV = ['ENV LANG=C.UTF-8', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];

export const RECIPES: Record<ImageRecipeName, ImageRecipe> = {
  python: {
    name: 'python',
    packages: PYTHON_PACKAGES,
    setupDir: packagePath('runner', 'images', 'recipes', 'python'),
    config: [...RUNTIME_ENV, 'USER 10001:10001', 'WORKDIR /workspace', 'CMD ["sleep", "infinity"]'],
    revision: 1,
  },
  postgres: {
    name: 'postgres',
    packages: ['postgresql'],
    setupDir: packagePath('runner', 'images', 'recipes', 'postgres'),
    config: [...SERVICE_ENV, 'USER postgres', 'EXPOSE 5432', 'ENTRYPOINT ["/usr/local/bin/mspr-entrypoint"]'],
    revision: 1,
  },
  mariadb: {
    name: 'mariadb',
    packages: ['mariadb-server'],
    setupDir: packagePath('runner', 'images', 'recipes', 'mariadb'),
    config: [...SERVICE_ENV, 'USER mysql', 'EXPOSE 3306', 'ENTRYPOINT ["/usr/local/bin/mspr-entrypoint"]'],
    revision: 1,
  },
};

export const RECIPE_NAMES = Object.keys(RECIPES) as ImageRecipeName[];
