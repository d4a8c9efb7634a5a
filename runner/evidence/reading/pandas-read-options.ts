import type { DataReadEvent } from '../../tracer/data-event-types.js';
import { PANDAS_NA_VALUES, type ReadOptions } from './read-options.js';

/**
 * The options a traced reader call used, in the grader's terms: pandas' `read_csv(sep=";", decimal=",",
 * encoding="latin-1", na_values=[…], header=…, skiprows=…)`, `read_excel(sheet_name=…)`, `read_json(lines=True)`,
 * or a csv module reader's dialect. pandas' own defaults fill the rest (`,`, UTF-8, its NA tokens), since that is
 * how the team's frame was read. Undefined for a reader the grader cannot mirror (a SQL read).
 */
export function readOptionsOfCall(event: DataReadEvent): ReadOptions | undefined {
  if (event.origin?.format === 'sql') return undefined;
  const given = event.options ?? {};
  const options: ReadOptions = { origin: 'trace' };
  const separator = text(given.sep) ?? text(given.delimiter);
  // A regular expression (`sep=r"\s+"`) is none polars takes: such a file is sniffed instead.
  if (separator === undefined) options.separator = event.function === 'read_table' ? '\t' : ',';
  else if (separator.length === 1) options.separator = separator;
  const decimal = text(given.decimal);
  if (decimal) options.decimal = decimal;
  const thousands = text(given.thousands);
  if (thousands) options.thousands = thousands;
  options.encoding = text(given.encoding) ?? text(event.encoding) ?? 'utf-8';
  options.nullValues = nullValues(given);
  options.emptyIsNull = given.na_filter !== false;
  Object.assign(options, headerRows(given));
  const footer = integer(given.skipfooter);
  if (footer) options.skipFooter = footer;
  const names = strings(given.names);
  if (names) options.names = names;
  const usecols = strings(given.usecols);
  if (usecols) options.usecols = usecols;
  const sheet = event.sheet ?? given.sheet_name;
  if (typeof sheet === 'string') options.sheet = sheet;
  else if (typeof sheet === 'number' && Number.isInteger(sheet)) options.sheet = sheet + 1;
  const comment = text(given.comment);
  if (comment) options.commentPrefix = comment;
  const quote = text(given.quotechar);
  if (quote) options.quoteChar = quote;
  if (given.lines === true) options.lines = true;
  return options;
}

/** pandas' NA tokens unless `keep_default_na=False`, plus `na_values` (a token, a list, or a dict per column). */
function nullValues(given: Record<string, unknown>): string[] {
  if (given.na_filter === false) return [];
  const tokens = new Set(given.keep_default_na === false ? [] : PANDAS_NA_VALUES);
  const extra = given.na_values;
  const add = (value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') tokens.add(String(value));
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  add(extra);
  return [...tokens];
}

/** `header=None` / `header=2` / `names=[…]` and `skiprows=3` / `skiprows=[1, 2]`, as rows to skip around the header. */
function headerRows(given: Record<string, unknown>): Pick<ReadOptions, 'hasHeader' | 'skipRows' | 'skipRowsAfterHeader'> {
  const out: Pick<ReadOptions, 'hasHeader' | 'skipRows' | 'skipRowsAfterHeader'> = {};
  let skip = integer(given.skiprows) ?? 0;
  const list = Array.isArray(given.skiprows) ? given.skiprows.filter((n): n is number => Number.isInteger(n)).sort((a, b) => a - b) : [];
  if (list.length > 0 && list.every((n, i) => n === i)) skip = list.length;
  else if (list.length > 0 && list.every((n, i) => n === i + 1)) out.skipRowsAfterHeader = list.length;
  if (given.header === null || (given.header === undefined && strings(given.names))) out.hasHeader = false;
  else if (Number.isInteger(given.header) && (given.header as number) > 0) skip += given.header as number;
  if (skip > 0) out.skipRows = skip;
  return out;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}
