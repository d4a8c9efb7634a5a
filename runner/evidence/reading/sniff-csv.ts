import { decodeText } from '../decode-text.js';
import { PANDAS_NA_VALUES, type ReadOptions } from './read-options.js';

const CANDIDATES = [';', ',', '\t', '|'] as const;
/** Lines looked at: enough for a header and a few records, cheap on a 1M-row file. */
const SAMPLE_LINES = 50;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * How to read a CSV file no traced call read (a scenario's dataset, a file the code read without pandas): its
 * encoding (UTF-8, UTF-8 with BOM, UTF-16, else cp1252 — Latin-1's superset on printable bytes), its separator
 * (`;`, `,`, tab or `|`, the one splitting the first lines into the same number of fields, most fields first),
 * a decimal comma (when `,` is not the separator and cells such as `12,5` appear), and pandas' NA tokens.
 */
export function sniffCsv(bytes: Uint8Array): ReadOptions {
  const sample = bytes.subarray(0, Math.min(bytes.length, 256 * 1024));
  const { text, encoding } = decodeText(sample);
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0).slice(0, SAMPLE_LINES);
  // The last line of a cut sample may be partial.
  if (sample.length < bytes.length && lines.length > 2) lines.pop();
  const separator = bestSeparator(lines);
  const options: ReadOptions = {
    origin: 'sniffed',
    separator,
    encoding: encoding === 'latin1' ? 'cp1252' : encoding,
    nullValues: [...PANDAS_NA_VALUES],
    emptyIsNull: true,
  };
  if (separator !== ',' && lines.slice(1).some((line) => splitFields(line, separator).some((cell) => DECIMAL_COMMA.test(cell.trim())))) options.decimal = ',';
  return options;
}

function bestSeparator(lines: string[]): string {
  let best: { separator: string; fields: number } = { separator: ',', fields: 1 };
  for (const separator of CANDIDATES) {
    const counts = lines.map((line) => splitFields(line, separator).length);
    const fields = counts[0] ?? 1;
    if (fields < 2 || counts.some((n) => n !== fields)) continue;
    if (fields > best.fields) best = { separator, fields };
  }
  return best.separator;
}

/** Fields of one line, quotes respected (a quoted `;` in a label does not split it). */
function splitFields(line: string, separator: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current);
  return fields;
}
