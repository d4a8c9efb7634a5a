import type { CheckEvidence } from '../../../../runner/evidence/check-evidence.js';
import type { StepRecord } from '../../../../runner/steps/step-record.js';
import type { TraceEvent } from '../../../../runner/tracer/trace-event.js';
import type { TracedData } from '../../../../runner/tracer/trace-event-types.js';
import { indexTraceEvents } from '../../../../runner/tracer/trace-index.js';
import { traceEventProblems } from '../../../../runner/tracer/trace-validation.js';

/**
 * Builds traces shaped exactly like the Python tracer's for table tests: every event is validated against
 * trace-event.schema.json, so a builder that drifts from the real format fails loudly. (The real tracer is
 * exercised end to end in test/tracer and test/ml.)
 */
export class TraceBuilder {
  private readonly events: TraceEvent[] = [];
  private seq = 1;
  private ts = 1_700_000_000;
  private objs = 0;
  private readonly pid = 4242;

  constructor() {
    this.push({ type: 'tracer_start', tracer_version: '1.0.0', python: '3.11.2', hooks: ['sklearn_hooks'] });
  }

  /** Data with a fingerprint derived from its name, so the same name is the same data. */
  static data(name: string, rows: number, cols: number | null = 4, extra: Partial<TracedData> = {}): TracedData {
    return { rows, cols, kind: cols === null ? 'Series' : 'DataFrame', fp: `fp-${name}`, ...extra };
  }

  private push(fields: Record<string, unknown>, line?: number, file = 'model.py'): TraceEvent {
    const event = { seq: this.seq++, ts: (this.ts += 1), pid: this.pid, ...fields } as TraceEvent;
    if (line !== undefined) event.site = { file, line };
    const problems = traceEventProblems(event);
    if (problems.length > 0) throw new Error(`builder made an invalid ${event.type} event: ${problems.join('; ')}`);
    this.events.push(event);
    return event;
  }

  /** train_test_split(X, y): inputs X/y, outputs X_train, X_test, y_train, y_test named `<prefix>Xtr`… */
  split(line: number, total: number, testRows: number, prefix = '', extra: Record<string, unknown> = {}): this {
    const train = total - testRows;
    this.push(
      {
        type: 'split', kind: 'train_test_split', function: 'train_test_split', n_rows: total, train_rows: train, test_rows: testRows,
        ratio: train / total, test_size: testRows / total, shuffle: true, stratify: false, random_state: 42, n_arrays: 2,
        inputs: [TraceBuilder.data(`${prefix}X`, total), TraceBuilder.data(`${prefix}y`, total, null)],
        outputs: [
          { ...TraceBuilder.data(`${prefix}Xtr`, train), role: 'train', input: 0 },
          { ...TraceBuilder.data(`${prefix}Xte`, testRows), role: 'test', input: 0 },
          { ...TraceBuilder.data(`${prefix}ytr`, train, null), role: 'train', input: 1 },
          { ...TraceBuilder.data(`${prefix}yte`, testRows, null), role: 'test', input: 1 },
        ],
        ...extra,
      },
      line,
    );
    return this;
  }

  /** A top-level fit; returns the object token so predictions can refer to it. */
  fit(line: number, estimator: string, x: TracedData, y: TracedData | null, extra: Record<string, unknown> = {}): string {
    const obj = `o${++this.objs}`;
    this.push({ type: 'fit', method: 'fit', estimator, module: moduleOf(estimator), obj, params: {}, x, y, duration: 0.01, ...extra }, line);
    return obj;
  }

  predict(line: number, obj: string, estimator: string, x: TracedData, outputName: string, extra: Record<string, unknown> = {}): this {
    const output = TraceBuilder.data(outputName, x.rows ?? 0, null);
    this.push({ type: 'predict', method: 'predict', estimator, module: moduleOf(estimator), obj, x, output, duration: 0.001, ...extra }, line);
    return this;
  }

  score(line: number, obj: string, estimator: string, x: TracedData, y: TracedData, value: number): this {
    this.push({ type: 'predict', method: 'score', estimator, module: moduleOf(estimator), obj, x, y, value, duration: 0.001 }, line);
    return this;
  }

  metric(line: number, name: string, yTrue: TracedData, yPred: TracedData, value: number | null, extra: Record<string, unknown> = {}): this {
    this.push({ type: 'metric', name, module: 'sklearn.metrics._regression', n: yTrue.rows, y_true: yTrue, y_pred: yPred, value, ...extra }, line);
    return this;
  }

  /** A search over `space` (param → values) on estimator; returns {obj, best} tokens. */
  search(line: number, estimator: string, space: Record<string, unknown[]>, best: Record<string, unknown>, x: TracedData, y: TracedData, extra: Record<string, unknown> = {}): { obj: string; best: string } {
    const obj = `o${++this.objs}`;
    const bestObj = `o${++this.objs}`;
    const sizes = Object.values(space).reduce((n, values) => n * values.length, 1);
    this.push(
      {
        type: 'search', search: 'GridSearchCV', obj, estimator: { class: estimator, module: moduleOf(estimator), params: {} },
        params_searched: Object.keys(space).sort(),
        param_space: Object.fromEntries(Object.entries(space).map(([k, v]) => [k, { size: v.length, values: v }])),
        grid_size: sizes, n_candidates: sizes, cv: 5, refit: true, best_params: best, best_score: 0.8, best_estimator_obj: bestObj,
        train_scores_recorded: false, x, y, duration: 1.2, ...extra,
      },
      line,
    );
    return { obj, best: bestObj };
  }

  cv(line: number, fn: string, estimator: string, x: TracedData, extra: Record<string, unknown> = {}): this {
    this.push({ type: 'cv', function: fn, estimator: { class: estimator, params: {} }, x, cv: { n_splits: 5, splitter: 'int' }, test_scores: { n: 5, mean: 0.8, std: 0.02 }, ...extra }, line);
    return this;
  }

  target(line: number, kind: 'numeric' | 'categorical' | 'mixed', extra: Record<string, unknown> = {}): this {
    this.push({ type: 'target', kind, dtype: kind === 'numeric' ? 'float64' : 'object', n_unique: 120, target_in_features: false, ...extra }, line);
    return this;
  }

  raw(fields: Record<string, unknown>, line?: number): this {
    this.push(fields, line);
    return this;
  }

  /** Evidence for the tester: this trace, plus any other evidence given. */
  evidence(more: Partial<CheckEvidence> = {}): Partial<CheckEvidence> {
    return { trace: indexTraceEvents([...this.events], [], true), ...more };
  }
}

function moduleOf(estimator: string): string {
  if (/Scaler|Imputer|Encoder/.test(estimator)) return 'sklearn.preprocessing._data';
  if (estimator === 'Pipeline') return 'sklearn.pipeline';
  if (/Forest/.test(estimator)) return 'sklearn.ensemble._forest';
  if (/Tree/.test(estimator)) return 'sklearn.tree._classes';
  if (/KNeighbors/.test(estimator)) return 'sklearn.neighbors._classification';
  return 'sklearn.linear_model._base';
}

/** A standard regression run: split 1000 → 700/300, and for each model fit on train + predict on test. */
export function regressionRun(models: string[] = ['Lasso', 'Ridge', 'ElasticNet'], testRows = 300): TraceBuilder {
  const b = new TraceBuilder().split(10, 1000, testRows);
  const Xtr = TraceBuilder.data('Xtr', 1000 - testRows);
  const ytr = TraceBuilder.data('ytr', 1000 - testRows, null);
  const Xte = TraceBuilder.data('Xte', testRows);
  models.forEach((name, i) => {
    const obj = b.fit(20 + i * 10, name, Xtr, ytr);
    b.predict(21 + i * 10, obj, name, Xte, `pred-${name}`);
  });
  return b;
}

/** A finished step that printed `stdout` (for checks that read what the candidate printed). */
export function printedStep(stdout: string): StepRecord {
  return {
    id: 'pipeline:model.py',
    kind: 'command',
    entry: 'model.py',
    optional: false,
    status: 'ok',
    result: {
      argv: ['python', 'model.py'],
      exitCode: 0,
      signal: null,
      timedOut: false,
      oomKilled: false,
      durationMs: 1000,
      stdout: { text: stdout, bytes: stdout.length, truncated: false },
      stderr: { text: '', bytes: 0, truncated: false },
    },
  };
}
