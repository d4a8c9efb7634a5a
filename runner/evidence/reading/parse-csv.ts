import type { DataFrame } from 'nodejs-polars';
import { decodeBytes } from './decode-bytes.js';
import type { ReadOptions } from './read-options.js';
import { sniffCsv } from './sniff-csv.js';

type Polars = typeof import('nodejs-polars').default;

/**
 * Parses CSV bytes with polars as the team's reader saw them: decoded from their encoding (polars reads UTF-8
 * only), split on their separator, their NA tokens as nulls, rows skipped around the header, and decimal-comma
 * columns (`12,5`, which polars leaves as text) turned into numbers. A separator the options leave open is sniffed.
 */
export function parseCsv(pl: Polars, bytes: Buffer, options: ReadOptions): DataFrame {
  const separator = options.separator ?? sniffCsv(bytes).separator ?? ',';
  // polars keeps a UTF-8 BOM in the first column's name; pandas, like Excel, drops it.
  const utf8 = isUtf8Name(options.encoding) ? withoutBom(bytes) : Buffer.from(decodeBytes(bytes, options.encoding!), 'utf8');
  let df = pl.readCSV(utf8, {
    inferSchemaLength: 10_000,
    sep: separator,
    nullValues: options.nullValues ?? [],
    missingIsNull: options.emptyIsNull ?? true,
    hasHeader: options.hasHeader ?? true,
    ...(options.skipRows ? { skipRows: options.skipRows } : {}),
    ...(options.skipRowsAfterHeader ? { skipRowsAfterHeader: options.skipRowsAfterHeader } : {}),
    ...(options.commentPrefix ? { commentPrefix: options.commentPrefix } : {}),
    ...(options.quoteChar ? { quoteChar: options.quoteChar } : {}),
  });
  if (options.hasHeader === false) df = df.rename(Object.fromEntries(df.columns.map((c, i) => [c, options.names?.[i] ?? String(i)])));
  if (options.usecols) df = df.select(...options.usecols.filter((c) => df.columns.includes(c)));
  if (options.skipFooter) df = df.head(Math.max(0, df.height - options.skipFooter));
  if (options.decimal && options.decimal !== '.') df = decimalColumns(pl, df, options.decimal, options.thousands);
  return df;
}

/** Text columns whose every value is a number written with this decimal mark, as Float64 (`82,6` → 82.6). */
function decimalColumns(pl: Polars, df: DataFrame, decimal: string, thousands: string | undefined): DataFrame {
  const number = new RegExp(`^[+-]?\\d+(?:${escape(thousands ?? '\u0000')}\\d{3})*(?:${escape(decimal)}\\d+)?$`);
  const converted = df.columns.map((name) => {
    const series = df.getColumn(name);
    if (!/String|Utf8/.test(String(series.dtype))) return series;
    const values = series.dropNulls();
    const sample = values.head(1000).toArray() as string[];
    if (sample.length === 0 || !sample.every((v) => number.test(v.trim()))) return series;
    let text = series.str.strip();
    if (thousands) text = text.str.replaceAll(escape(thousands), '');
    const parsed = text.str.replace(escape(decimal), '.').cast(pl.Float64, false);
    // Beyond the sample, a cell that is no number keeps the column as text (pandas would too).
    return parsed.nullCount() === series.nullCount() ? parsed.alias(name) : series;
  });
  return pl.DataFrame(converted);
}

function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function isUtf8Name(encoding: string | undefined): boolean {
  return encoding === undefined || /^(utf-?8(-sig)?|u8|ascii|us-ascii)$/i.test(encoding.replace(/_/g, '-'));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
