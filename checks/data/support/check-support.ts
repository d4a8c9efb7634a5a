import type { CheckContext } from '../../check.js';

/** The dataset file names a scenario hands out (CSV, XLSX, JSON), for options that default to "all of them". */
export function datasetSources(ctx: CheckContext<unknown>): string[] {
  return (ctx.datasets?.list() ?? []).filter((path) => /\.(csv|xlsx|xlsm|json|jsonl|ndjson)$/i.test(path));
}
