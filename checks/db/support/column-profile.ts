import type { DataFrame } from 'nodejs-polars';

/** What a source column holds, as far as choosing and checking its SQL type goes. */
export interface ColumnProfile {
  name: string;
  /** integer, real (has decimals), text, date (ISO dates in text), datetime, boolean, other. */
  family: 'integer' | 'real' | 'text' | 'date' | 'datetime' | 'boolean' | 'other';
  nulls: number;
  /** Longest value in characters (code points), for text. */
  maxLength?: number;
  min?: number;
  max?: number;
  /** Most digits after the decimal point (at most 10), for real. */
  maxDecimals?: number;
  /** Distinct non-null text values, kept for the round trip. */
  distinct?: Set<string>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const cache = new WeakMap<DataFrame, Map<string, ColumnProfile>>();

/** Profiles every column of a source frame once (a few passes over each column; see bench/data-checks.mjs). */
export function profileColumns(df: DataFrame): Map<string, ColumnProfile> {
  let profiles = cache.get(df);
  if (!profiles) {
    profiles = new Map(df.columns.map((name) => [name, profile(df, name)]));
    cache.set(df, profiles);
  }
  return profiles;
}

function profile(df: DataFrame, name: string): ColumnProfile {
  const series = df.getColumn(name);
  const dtype = String(series.dtype);
  const nulls = series.nullCount();
  if (/Bool/.test(dtype)) return { name, family: 'boolean', nulls };
  if (series.isNumeric()) {
    const min = Number(series.min());
    const max = Number(series.max());
    if (!/Float/.test(dtype)) return { name, family: 'integer', nulls, min, max };
    let maxDecimals = 0;
    for (const value of series.dropNulls().unique().toArray() as number[]) {
      if (Number.isInteger(value)) continue;
      maxDecimals = Math.max(maxDecimals, decimalsOf(value));
      if (maxDecimals >= 10) break;
    }
    return { name, family: maxDecimals === 0 ? 'integer' : 'real', nulls, min, max, maxDecimals };
  }
  const values = series.dropNulls().unique().toArray().map(String);
  let maxLength = 0;
  let dates = 0;
  let datetimes = 0;
  for (const value of values) {
    maxLength = Math.max(maxLength, codePoints(value));
    if (DATE.test(value)) dates++;
    else if (DATETIME.test(value)) datetimes++;
  }
  const family = values.length > 0 && dates === values.length ? 'date' : values.length > 0 && dates + datetimes === values.length ? 'datetime' : 'text';
  return { name, family, nulls, maxLength, distinct: new Set(values) };
}

export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 10;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(10, text.length - dot - 1);
}
