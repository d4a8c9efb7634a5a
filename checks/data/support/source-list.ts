import type { CheckContext } from '../../check.js';
import type { DataFacts } from './data-facts.js';
import { datasetSources } from './check-support.js';
import { fileWritesOf } from './lineage/walk-frames.js';

/**
 * The sources a data check looks at: the scenario's (`sources`, else its datasets), else — a team working on
 * its own data — every data file the code read that it had not written itself (an intermediate CSV a first
 * script wrote for a second one is no source). `fromTrace` says which, for the message.
 */
export function sourcesToCheck(ctx: CheckContext<{ sources?: string[] }>, facts: DataFacts): { sources: string[]; fromTrace: boolean } {
  const given = ctx.options.sources ?? datasetSources(ctx);
  if (given.length > 0) return { sources: given, fromTrace: false };
  const written = fileWritesOf(facts.writes);
  const read = facts.fileReads.filter((r) => r.origin?.path && !r.origin.url && !written(r) && /^(csv|xlsx|xls|json|parquet)$/.test(r.origin.format ?? ''));
  return { sources: [...new Set(read.map((r) => r.origin!.path!))], fromTrace: true };
}
