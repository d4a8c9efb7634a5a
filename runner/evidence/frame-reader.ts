import type { DataFrame } from 'nodejs-polars';
import type { ReadOptions } from './reading/read-options.js';
import type { WorkspaceFiles } from './workspace-files.js';

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

/** A tabular file and the folder it is read from (the candidate's repository or the scenario's datasets). */
export interface SourceFile {
  files: WorkspaceFiles;
  /** Relative to `files.root`; also the name shown in messages. */
  path: string;
}

/**
 * Reads CSV, XLSX and JSON files into polars data frames, through the safe reader (the bytes are read by the
 * grader without following links, capped at `files.limits.dataBytes`, then parsed: polars never opens the
 * candidate's path itself). A file that cannot be parsed raises `MSPR_DATA_UNREADABLE` with the file name
 * and the parser's reason, a refused one `MSPR_FILE_REFUSED`; the runner turns either into an `error`
 * verdict for the check that asked.
 */
export interface FrameReader {
  /** `options`: how the team's code read the file (from the trace); without them a CSV is sniffed. */
  summary(source: SourceFile, options?: ReadOptions): Promise<FrameSummary>;
  frame(source: SourceFile, options?: ReadOptions): Promise<DataFrame>;
}
