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
  'ml/train-test-split': () => import('./ml/train-test-split.js'),
  'ml/train-ratio': () => import('./ml/train-ratio.js'),
  'ml/observations-gt-variables': () => import('./ml/observations-gt-variables.js'),
  'ml/target-homogeneous': () => import('./ml/target-homogeneous.js'),
  'ml/algorithms-fitted': () => import('./ml/algorithms-fitted.js'),
  'ml/models-applied-to-test': () => import('./ml/models-applied-to-test.js'),
  'ml/metrics-on-test': () => import('./ml/metrics-on-test.js'),
  'ml/metrics-reported': () => import('./ml/metrics-reported.js'),
  'ml/grid-search': () => import('./ml/grid-search.js'),
  'ml/best-params-reused': () => import('./ml/best-params-reused.js'),
  'ml/cross-validation': () => import('./ml/cross-validation.js'),
  'ml/overfitting-watched': () => import('./ml/overfitting-watched.js'),
};

export function knownCheckIds(): string[] {
  return Object.keys(checkLoaders).sort();
}

export async function loadCheck(id: string): Promise<CheckModule<any> | undefined> {
  const loader = checkLoaders[id];
  return loader ? (await loader()).default : undefined;
}
