import type { DataFrame } from 'nodejs-polars';

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
}

/**
 * Reads CSV, XLSX and JSON files into polars data frames. A file that cannot be parsed raises
 * `MSPR_DATA_UNREADABLE` with the file name and the parser's reason, which the runner turns into an
 * `error` verdict for the check that asked.
 */
export interface FrameReader {
  summary(absolutePath: string, displayPath?: string): Promise<FrameSummary>;
  frame(absolutePath: string, displayPath?: string): Promise<DataFrame>;
}
