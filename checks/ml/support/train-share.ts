import type { SplitEvent } from '../../../runner/tracer/trace-event-types.js';
import type { TraceEvent } from '../../../runner/tracer/trace-event.js';
import type { MlFacts } from './ml-facts.js';
import { applicationsOn } from './models.js';

/** The train share of the run and where it was measured. */
export interface TrainShare {
  train: number;
  test: number;
  ratio: number;
  /** `models`: rows a model was fitted on vs rows it was applied to; `split`: a train_test_split's outputs. */
  measuredOn: 'models' | 'split';
  /** Events that show it: the fit and the test prediction, or the split. */
  events: TraceEvent[];
  split?: SplitEvent;
}

/**
 * Measures train rows / (train + test rows) on the arrays the models actually used: the rows of the data a
 * model was fitted on against the rows of the test data it was applied to (the pair most models share). A
 * train_test_split alone is the fallback when no model was applied to test data.
 */
export function trainShare(facts: MlFacts): TrainShare | undefined {
  const pairs = new Map<string, TrainShare>();
  const counts = new Map<string, number>();
  for (const model of facts.models) {
    if (model.trainRole !== 'train' || !model.train?.rows) continue;
    const onTest = applicationsOn(model, facts.roles, 'test')[0];
    if (!onTest?.x?.rows) continue;
    const key = `${model.train.rows}/${onTest.x.rows}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!pairs.has(key)) {
      const train = model.train.rows;
      const test = onTest.x.rows;
      pairs.set(key, { train, test, ratio: train / (train + test), measuredOn: 'models', events: [model.fit, onTest] });
    }
  }
  const split = facts.splits.find((s) => s.kind === 'train_test_split' && s.train_rows && s.test_rows);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) return { ...pairs.get(best[0])!, split };
  if (split?.train_rows && split.test_rows) {
    const { train_rows: train, test_rows: test } = split;
    return { train, test, ratio: train / (train + test), measuredOn: 'split', events: [split], split };
  }
  return undefined;
}
