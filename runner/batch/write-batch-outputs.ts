import { join } from 'node:path';
import type { Lang } from '../i18n.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { asOutputError } from '../output/prepare-output.js';
import { renderOverview } from './batch-overview.js';
import type { BatchStore } from './batch-store.js';
import { type BatchSummary, summarizeBatch } from './batch-summary.js';
import { buildGradebook, type CsvDialect, gradebookCsv, gradebookXlsx } from './gradebook.js';

/**
 * Writes `batch.json`, `gradebook.csv`, `gradebook.xlsx` and `overview.html` from the store, each atomically:
 * called after the pool and on Ctrl-C, so what is committed is always readable outside the store.
 */
export async function writeBatchOutputs(store: BatchStore, outDir: string, lang: Lang, dialect: CsvDialect): Promise<{ summary: BatchSummary; files: string[] }> {
  const summary = summarizeBatch(store);
  const book = buildGradebook(summary, lang);
  const files: Array<[string, string | Uint8Array]> = [
    ['batch.json', `${JSON.stringify(summary, null, 2)}\n`],
    ['gradebook.csv', gradebookCsv(book, dialect)],
    ['gradebook.xlsx', await gradebookXlsx(book, lang)],
    ['overview.html', renderOverview(summary, lang)],
  ];
  try {
    for (const [name, content] of files) writeFileAtomic(join(outDir, name), content);
  } catch (error) {
    throw asOutputError(error, outDir, '--out');
  }
  return { summary, files: files.map(([name]) => join(outDir, name)) };
}
