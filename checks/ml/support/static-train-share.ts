import type { SplitEvent } from '../../../runner/tracer/trace-event-types.js';
import type { MlFacts } from './ml-facts.js';

/** sklearn's default when train_test_split is given neither size. */
const DEFAULT_TEST_SIZE = 0.25;

/** The train share a train_test_split read in the code would give, or why it cannot be told without running it. */
export type StaticTrainShare = { ratio: number; split: SplitEvent } | { unknown: 'unresolved' | 'counts' | 'noSplit'; split?: SplitEvent };

/**
 * The train share read from `test_size` / `train_size` as the code writes them (constants followed by the reader):
 * fractions give the share (0.2 → 0.8, both given → train / (train + test)), neither gives sklearn's 0.25. Row
 * counts (integers) need the data's size and a size the reader could not resolve needs the run: both `unknown`,
 * which the check reports as "could not be judged", never as a guess.
 */
export function staticTrainShare(facts: MlFacts): StaticTrainShare {
  const split = facts.splits.find((s) => s.kind === 'train_test_split');
  if (!split) return { unknown: 'noSplit' };
  const unresolved = split.unresolved ?? {};
  if ('test_size' in unresolved || 'train_size' in unresolved) return { unknown: 'unresolved', split };
  const fraction = (value: unknown) => (typeof value === 'number' && value > 0 && value < 1 ? value : undefined);
  const counts = (value: unknown) => typeof value === 'number' && value >= 1;
  const test = split.test_size ?? undefined;
  const train = split.train_size ?? undefined;
  if (counts(test) || counts(train)) return { unknown: 'counts', split };
  const testShare = fraction(test);
  const trainShare = fraction(train);
  if (testShare !== undefined && trainShare !== undefined) return { ratio: trainShare / (trainShare + testShare), split };
  if (trainShare !== undefined) return { ratio: trainShare, split };
  if (testShare !== undefined) return { ratio: 1 - testShare, split };
  if (test === undefined && train === undefined) return { ratio: 1 - DEFAULT_TEST_SIZE, split };
  return { unknown: 'unresolved', split };
}
