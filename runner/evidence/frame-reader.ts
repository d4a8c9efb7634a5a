import type { DataFrame } from 'nodejs-polars';
import type { ReadOptions } from './reading/read-options.js';

export type TabularFormat = 'csv' | 'xlsx' | 'json';

/** What a check usually needs to know about a tabular source, computed once per file. */
export interface FrameSummary {
  /** Path as given (relative to the workspace or datasets folder). */
  path: string;
  format: TabularFormat;
  rows: number;
  columns: string[];
  nullCounts: Record<string, number>;
  dtypes: Record<string, string>;
  /** CSV: how it was read (`sep ";", decimal ",", latin-1 (as the code read it)`), see reading/read-options.ts. */
  reading?: string;
}

/**
 * Reads CSV, XLSX and JSON files into polars data frames. A file that cannot be parsed raises
 * `MSPR_DATA_UNREADABLE` with the file name and the parser's reason, which the runner turns into an
 * `error` verdict for the check that asked.
 */
export interface FrameReader {
  /** `options`: how the team's code read the file (from the trace); without them a CSV is sniffed. */
  summary(absolutePath: string, displayPath?: string, options?: ReadOptions): Promise<FrameSummary>;
  frame(absolutePath: string, displayPath?: string, options?: ReadOptions): Promise<DataFrame>;
}
