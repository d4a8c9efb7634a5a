import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root, found by walking up from this file. Code runs both from `dist/` (the bin) and from the
 * TypeScript sources (vitest), so assets (schemas, the Python tracer, scenario library) are read from the
 * source folders relative to this root rather than copied into `dist/`.
 */
export const packageRoot: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'mspr-lab') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`mspr-lab package root not found above ${start}`);
    dir = parent;
  }
}

export const packageVersion: string = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;

/** Resolves a path inside the installed package (e.g. `scenarios/scenario.schema.json`). */
export function packagePath(...segments: string[]): string {
  return join(packageRoot, ...segments);
}
