import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Localized, t } from '../i18n.js';
import { packageRoot } from '../paths.js';

/** The folders `tsc` compiles into `dist/` (tsconfig.json's include), where a newer source means a stale build. */
export const SOURCE_FOLDERS = ['checks', 'runner', 'scenarios', 'reports', 'datasets'] as const;

/** How the build compares with the sources it was made from. */
export interface BuildFreshness {
  stale: boolean;
  /** The newest TypeScript source and its modification time (ms). */
  newestSource?: { file: string; mtimeMs: number };
  /** The newest file of `dist/` (ms). */
  builtMs?: number;
}

/**
 * Compares the newest `.ts` source under the compiled folders with the newest file of `dist/`. Only `.ts`
 * files count: the docs, scenarios' YAML and the tracer's Python are read from the source tree at run time,
 * so editing them never needs a build. Links are not followed.
 */
export function buildFreshness(root: string): BuildFreshness {
  const built = newest(join(root, 'dist'), () => true);
  if (!built) return { stale: false };
  let source: { file: string; mtimeMs: number } | undefined;
  for (const folder of SOURCE_FOLDERS) {
    const found = newest(join(root, folder), (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
    if (found && (!source || found.mtimeMs > source.mtimeMs)) source = found;
  }
  if (!source) return { stale: false, builtMs: built.mtimeMs };
  return { stale: source.mtimeMs > built.mtimeMs, newestSource: { file: relative(root, source.file), mtimeMs: source.mtimeMs }, builtMs: built.mtimeMs };
}

function newest(dir: string, wanted: (name: string) => boolean): { file: string; mtimeMs: number } | undefined {
  if (!existsSync(dir)) return undefined;
  let best: { file: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const found = entry.isDirectory() ? newest(path, wanted) : entry.isFile() && wanted(entry.name) ? { file: path, mtimeMs: lstatSync(path).mtimeMs } : undefined;
    if (found && (!best || found.mtimeMs > best.mtimeMs)) best = found;
  }
  return best;
}

/** Whether this process runs the built CLI of a source tree (`<root>/dist/…`), rather than the sources (vitest) or an install without them. */
export function runsFromDist(root: string = packageRoot): boolean {
  const here = fileURLToPath(import.meta.url);
  return here.startsWith(join(root, 'dist') + sep) && existsSync(join(root, 'runner', 'cli.ts'));
}

/**
 * The warning to print when the built CLI is older than its sources: a check added or changed since the last
 * `npm run build` is not in `dist/`, and would be "unknown" or behave as before. Undefined when up to date,
 * or when not run from a source tree's `dist/`.
 */
export function staleBuildWarning(root: string = packageRoot): Localized | undefined {
  if (!runsFromDist(root)) return undefined;
  const freshness = buildFreshness(root);
  if (!freshness.stale) return undefined;
  const file = freshness.newestSource!.file;
  return t(
    `Attention : dist/ est plus ancien que les sources (${file} a changé depuis la dernière compilation) ; une vérification ajoutée ou modifiée n'y est pas encore. Lancez : npm run build`,
    `Warning: dist/ is older than the sources (${file} changed since the last build); a check added or changed since is not in it yet. Run: npm run build`,
  );
}

/**
 * A hint for "unknown check" errors: when the build is stale, the check may well exist in the sources and
 * only be missing from `dist/`, so the hint says to rebuild first.
 */
export function withRebuildHint(hint: Localized, root: string = packageRoot): Localized {
  if (!runsFromDist(root) || !buildFreshness(root).stale) return hint;
  return t(
    `${hint.fr} dist/ est plus ancien que les sources : si la vérification vient d'être ajoutée, lancez d'abord npm run build.`,
    `${hint.en} dist/ is older than the sources: if the check was just added, run npm run build first.`,
  );
}
