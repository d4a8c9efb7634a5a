import type { CheckModule } from './check.js';

type Loader = () => Promise<{ default: CheckModule<any> }>;

/**
 * Every check, by id, loaded on demand: `--help` and `checks list` of a few ids must not load polars or a
 * database driver. A meta-test keeps this table, the check files, their docs and their tests in step.
 */
export const checkLoaders: Readonly<Record<string, Loader>> = {
  'repo/files-present': () => import('./repo/files-present.js'),
  'repo/no-secrets': () => import('./repo/no-secrets.js'),
  'repo/personal-data': () => import('./repo/personal-data.js'),
  'git/team-history': () => import('./git/team-history.js'),
  'steps/succeeded': () => import('./steps/succeeded.js'),
  'http/app-answers': () => import('./http/app-answers.js'),
  'http/prediction-route': () => import('./http/prediction-route.js'),
  'http/monitoring': () => import('./http/monitoring.js'),
  'db/rows-match-source': () => import('./db/rows-match-source.js'),
  'db/reachable': () => import('./db/reachable.js'),
  'db/first-rows-read': () => import('./db/first-rows-read.js'),
  'db/no-truncation': () => import('./db/no-truncation.js'),
  'db/types-fitted': () => import('./db/types-fitted.js'),
  'db/optimisation-measured': () => import('./db/optimisation-measured.js'),
  'db/selection-and-index': () => import('./db/selection-and-index.js'),
  'data/sources-read': () => import('./data/sources-read.js'),
  'data/missing-measured': () => import('./data/missing-measured.js'),
  'data/numeric-imputation': () => import('./data/numeric-imputation.js'),
  'data/categorical-imputation': () => import('./data/categorical-imputation.js'),
  'analysis/descriptive-stats': () => import('./analysis/descriptive-stats.js'),
  'viz/scatter': () => import('./viz/scatter.js'),
  'viz/distribution': () => import('./viz/distribution.js'),
  'viz/correlation': () => import('./viz/correlation.js'),
  'viz/readable': () => import('./viz/readable.js'),
  'artifact/troubleshooting-log': () => import('./artifact/troubleshooting-log.js'),
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
  'tests/candidate-tests': () => import('./tests/candidate-tests.js'),
  'steps/notebook-runs': () => import('./steps/notebook-runs.js'),
  'ml/training-procedure': () => import('./ml/training-procedure.js'),
  'analysis/dashboard': () => import('./analysis/dashboard.js'),
  'http/accessible': () => import('./http/accessible.js'),
};

export function knownCheckIds(): string[] {
  return Object.keys(checkLoaders).sort();
}

export async function loadCheck(id: string): Promise<CheckModule<any> | undefined> {
  const loader = checkLoaders[id];
  return loader ? (await loader()).default : undefined;
}
