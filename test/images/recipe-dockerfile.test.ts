import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_IMAGE, recipeDockerfile, writeRecipeContext } from '../../runner/images/fallback/recipe-dockerfile.js';
import { RECIPE_NAMES, RECIPES } from '../../runner/images/recipes.js';
import { withExtraPackages } from '../../runner/images/build-images.js';

/** The packages a generated Dockerfile installs, read back from its `apt-get install` line. */
function installedPackages(dockerfile: string): string[] {
  const line = dockerfile.split('\n').find((l) => l.includes('--no-install-recommends install'));
  return (line ?? '').replace(/.*--no-install-recommends install /, '').replace(/\s*\\$/, '').split(' ');
}

describe('fallback Dockerfiles generated from the image recipes', () => {
  it.each(RECIPE_NAMES)('%s: same base release, same packages, setup script and image configuration as the debootstrap build', (name) => {
    const recipe = RECIPES[name];
    const text = recipeDockerfile(recipe);
    expect(DEFAULT_BASE_IMAGE).toBe('debian:bookworm-slim');
    expect(text.split('\n').filter((l) => l.startsWith('FROM '))).toEqual(['FROM debian:bookworm-slim']);
    expect(installedPackages(text)).toEqual(recipe.packages);
    expect(text).toContain('COPY setup/ /tmp/mspr-setup/');
    expect(text).toContain('RUN /bin/sh /tmp/mspr-setup/setup.sh');
    // The import-time configuration (user, entrypoint, ports) closes the file, in the recipe's order.
    expect(text.trimEnd().split('\n').slice(-recipe.config.length)).toEqual(recipe.config);
    // apt's non-interactive mode must not leak into the candidates' environment.
    expect(text).toContain('ARG DEBIAN_FRONTEND=noninteractive');
    expect(text).not.toMatch(/^ENV DEBIAN_FRONTEND/m);
  });

  it('the python image of the candidate runs as the fixed non-root user, as with debootstrap', () => {
    expect(recipeDockerfile(RECIPES.python)).toMatch(/^USER 10001:10001$/m);
    expect(recipeDockerfile(RECIPES.postgres)).toMatch(/^ENTRYPOINT \["\/usr\/local\/bin\/mspr-entrypoint"\]$/m);
  });

  it('a school mirror replaces the base, and extra packages enter the install line', () => {
    const recipe = withExtraPackages(RECIPES.python, ['python3-dotenv']);
    const text = recipeDockerfile(recipe, 'registry.ecole.fr/debian:bookworm-slim');
    expect(text).toMatch(/^FROM registry\.ecole\.fr\/debian:bookworm-slim$/m);
    expect(installedPackages(text).at(-1)).toBe('python3-dotenv');
  });

  it('writes a context holding the Dockerfile and the recipe’s setup folder, replacing a stale one', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mspr-fallback-')), 'postgres');
    const first = await writeRecipeContext(RECIPES.postgres, dir);
    expect(first).toBe(join(dir, 'Dockerfile'));
    expect(readFileSync(join(dir, 'setup', 'setup.sh'), 'utf8')).toBe(readFileSync(join(RECIPES.postgres.setupDir, 'setup.sh'), 'utf8'));
    await writeRecipeContext(RECIPES.mariadb, dir, 'mirror.test/debian:bookworm-slim');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('install mariadb-server');
    expect(readFileSync(join(dir, 'setup', 'setup.sh'), 'utf8')).toBe(readFileSync(join(RECIPES.mariadb.setupDir, 'setup.sh'), 'utf8'));
    expect(existsSync(join(dir, 'setup', 'packages.txt'))).toBe(false);
  });
});
