import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DebianArchive } from './debian/apt-sources.js';
import type { ImageRecipe } from './recipes.js';

/** Repository part of every image mspr-lab builds: `mspr-lab/python:<content tag>`. */
export const IMAGE_REPOSITORY = 'mspr-lab';

/** Everything an image is made of; the tag is a hash of it, so equal inputs mean an equal image. */
export interface ImageContent {
  recipe: string;
  revision: number;
  suite: string;
  mirror: string;
  sources: string;
  packages: Record<string, string>;
  config: string[];
  /** sha256 of the build script and of each file of the recipe folder. */
  files: Record<string, string>;
}

export function imageContent(recipe: ImageRecipe, archive: DebianArchive, packages: Record<string, string>, buildScript: string): ImageContent {
  const files: Record<string, string> = { 'build-rootfs.sh': sha256(readFileSync(buildScript)) };
  for (const name of readdirSync(recipe.setupDir).sort()) files[name] = sha256(readFileSync(join(recipe.setupDir, name)));
  return {
    recipe: recipe.name,
    revision: recipe.revision,
    suite: archive.suite,
    mirror: archive.mirror,
    sources: archive.sourcesText,
    packages: Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b))),
    config: recipe.config,
    files,
  };
}

/** 12 hex digits of the content hash: short enough to read, far from colliding across a few builds. */
export function contentTag(content: ImageContent): string {
  return sha256(Buffer.from(JSON.stringify(content))).slice(0, 12);
}

export function imageReference(content: ImageContent): string {
  return `${IMAGE_REPOSITORY}/${content.recipe}:${contentTag(content)}`;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
