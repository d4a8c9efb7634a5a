/** The `task` option several ML checks share: it picks the defaults (algorithms, metrics, target type). */
export const TASK_OPTION = {
  enum: ['regression', 'classification'],
  default: 'regression',
  description: 'regression or classification: picks the default algorithms, metrics and expected target type',
} as const;
