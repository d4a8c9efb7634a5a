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

/**
 * The data stack Debian bookworm ships. Left out because bookworm has no package for them: polars, pyarrow
 * (candidates needing them get a scenario image built where a registry is reachable).
 */
export const PYTHON_PACKAGES = [
  'python3',
  'python3-pandas',
  'python3-sklearn',
  'python3-xgboost',
  'python3-statsmodels',
  'python3-matplotlib',
  'python3-seaborn',
  'python3-plotly',
  'python3-openpyxl',
  'python3-sqlalchemy',
  'python3-psycopg2',
  'python3-pymysql',
  'python3-pymongo',
  'python3-flask',
  'python3-fastapi',
  'python3-uvicorn',
  'python3-httpx',
  'python3-requests',
  'python3-nbconvert',
  'python3-ipykernel',
  'python3-pytest',
];

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
