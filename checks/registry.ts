import type { CheckModule } from './check.js';

type Loader = () => Promise<{ default: CheckModule<any> }>;

/**
 * Every check, by id, loaded on demand: `--help` and `checks list` of a few ids must not load polars or a
 * database driver. A meta-test keeps this table, the check files, their docs and their tests in step.
 */
export const checkLoaders: Readonly<Record<string, Loader>> = {
  'repo/files-present': () => import('./repo/files-present.js'),
  'steps/succeeded': () => import('./steps/succeeded.js'),
  'db/rows-match-source': () => import('./db/rows-match-source.js'),
};

export function knownCheckIds(): string[] {
  return Object.keys(checkLoaders).sort();
}

export async function loadCheck(id: string): Promise<CheckModule<any> | undefined> {
  const loader = checkLoaders[id];
  return loader ? (await loader()).default : undefined;
}
