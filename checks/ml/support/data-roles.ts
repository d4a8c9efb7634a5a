import type { TracedData } from '../../../runner/tracer/trace-event-types.js';
import type { TracedMl } from './traced-ml.js';

/** What a piece of data is in the candidate's pipeline, as far as the trace shows. */
export type DataRole = 'train' | 'test' | 'full';

/**
 * Labels data fingerprints as train / test / full.
 *
 * With a `train_test_split`, its outputs are train and test and its inputs are full; transforms (a scaler's
 * `transform`, `fit_transform`) and predictions pass their input's role to their output, so `y_pred` from
 * `X_test` is test data. Without any `train_test_split` (a split by year or by index), the data supervised
 * models were fitted on is train and any other data they were applied to is test ("manual split").
 */
export class DataRoles {
  private readonly roles = new Map<string, DataRole>();
  /** True when roles come from the manual-split rule (no train_test_split in the trace). */
  readonly manual: boolean;

  constructor(ml: TracedMl) {
    const splits = ml.splits.filter((s) => s.kind === 'train_test_split');
    for (const split of splits) {
      for (const input of split.inputs ?? []) this.set(input?.fp, 'full');
      for (const output of split.outputs ?? []) if (output.role) this.set(output.fp, output.role);
    }
    this.manual = splits.length === 0;
    if (this.manual) {
      for (const fit of ml.fits) if (fit.y) this.set(fit.x?.fp, 'train');
      for (const search of ml.searches) this.set(search.x?.fp, 'train');
      for (const fit of ml.fits) if (fit.y) this.set(fit.y?.fp, 'train');
    }
    this.propagate(ml);
    if (this.manual) {
      for (const predict of ml.predicts) {
        if (predict.method === 'transform') continue;
        this.set(predict.x?.fp, 'test');
        if (predict.method === 'score') this.set(predict.y?.fp, 'test');
      }
      this.propagate(ml);
    }
  }

  roleOf(data: TracedData | null | undefined): DataRole | undefined {
    return data?.fp ? this.roles.get(data.fp) : undefined;
  }

  private set(fp: string | null | undefined, role: DataRole): void {
    if (fp && !this.roles.has(fp)) this.roles.set(fp, role);
  }

  /** Transforms and predictions hand their input's role to their output; two passes cover chains in order. */
  private propagate(ml: TracedMl): void {
    for (let pass = 0; pass < 2; pass++) {
      for (const fit of ml.fits) this.derive(fit.x, fit.output);
      for (const predict of ml.predicts) this.derive(predict.x, predict.output);
      for (const cv of ml.cvs) if (cv.function === 'cross_val_predict') this.derive(cv.x, cv.output);
    }
  }

  private derive(from: TracedData | null | undefined, to: TracedData | null | undefined): void {
    const role = this.roleOf(from);
    if (role && to?.fp) this.set(to.fp, role);
  }
}
