/**
 * How the grader reads a tabular source: the options the team's own reader call used when the trace saw it
 * (runner/evidence/reading/pandas-read-options.ts), else what sniffing the file found (sniff-csv.ts). Reading a
 * `;`-separated Latin-1 export with `,` and UTF-8 would make its missing values invisible and its columns wrong.
 */
export interface ReadOptions {
  /** Field separator (one character). */
  separator?: string;
  /** `,` for a decimal comma (`12,5`); `.` otherwise. */
  decimal?: string;
  /** Thousands separator to strip from numbers (`1 234,5`). */
  thousands?: string;
  /** A Python codec name as the team wrote it (`latin-1`, `cp1252`, `utf-8-sig`…), or what sniffing found. */
  encoding?: string;
  /** Cells read as missing, whatever the column's type. */
  nullValues?: string[];
  /** Whether an empty cell is missing (pandas: yes unless `na_filter=False`). */
  emptyIsNull?: boolean;
  /** Rows skipped before the header. */
  skipRows?: number;
  /** Rows skipped after the header (pandas `skiprows=[1, 2]`). */
  skipRowsAfterHeader?: number;
  /** Rows dropped at the end (pandas `skipfooter`). */
  skipFooter?: number;
  /** False: the first row is data (pandas `header=None`). */
  hasHeader?: boolean;
  /** Column names given by the code (pandas `names=`). */
  names?: string[];
  /** Columns kept (pandas `usecols=` by name). */
  usecols?: string[];
  /** Spreadsheet sheet: a name, or a 1-based position. */
  sheet?: string | number;
  commentPrefix?: string;
  quoteChar?: string;
  /** JSON lines (pandas `lines=True`). */
  lines?: boolean;
  /** Where the options come from: the traced reader call, or sniffing the file. */
  origin: 'trace' | 'sniffed';
}

/**
 * pandas' default missing-value tokens (`keep_default_na=True`): what `read_csv` turns into NaN without being
 * told. The grader counts the same cells as missing, or an export's `NA` would look like a filled value.
 */
export const PANDAS_NA_VALUES: readonly string[] = [
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null',
];

/** A stable key for caching one file read with one set of options. */
export function optionsKey(options: ReadOptions | undefined): string {
  if (!options) return '';
  return JSON.stringify(Object.fromEntries(Object.entries(options).filter(([key]) => key !== 'origin').sort(([a], [b]) => a.localeCompare(b))));
}

/** `sep ";", decimal ",", latin-1, NA tokens NA…` — how a source was read, for evidence and messages. */
export function describeReading(options: ReadOptions): string {
  const parts: string[] = [];
  if (options.separator !== undefined) parts.push(`sep ${JSON.stringify(options.separator)}`);
  if (options.decimal && options.decimal !== '.') parts.push(`decimal ${JSON.stringify(options.decimal)}`);
  if (options.encoding) parts.push(options.encoding);
  if (options.sheet !== undefined) parts.push(`sheet ${JSON.stringify(options.sheet)}`);
  if (options.skipRows) parts.push(`skiprows ${options.skipRows}`);
  if (options.hasHeader === false) parts.push('header None');
  const extra = (options.nullValues ?? []).filter((token) => !PANDAS_NA_VALUES.includes(token));
  if (extra.length > 0) parts.push(`na_values ${extra.map((t) => JSON.stringify(t)).join(' ')}`);
  return `${parts.join(', ') || 'defaults'} (${options.origin === 'trace' ? 'as the code read it' : 'sniffed'})`;
}
