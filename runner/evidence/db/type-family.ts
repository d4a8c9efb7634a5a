/**
 * What a column's declared type can hold, the same way for every database: SQLite's free-form declared types,
 * PostgreSQL's `character varying`, MySQL's `tinyint(4) unsigned`, and the BSON types MongoDB stores.
 */
export type TypeFamily = 'integer' | 'real' | 'decimal' | 'text' | 'date' | 'datetime' | 'time' | 'boolean' | 'binary' | 'json' | 'other';

/** The parts of a column type the checks compare with the source. */
export interface TypeShape {
  family: TypeFamily;
  /** Characters for sized text (VARCHAR(50) → 50); null when unbounded (TEXT) or not text. */
  maxLength: number | null;
  /** Integer range the type holds; null when not an integer type. */
  integerRange: { min: number; max: number } | null;
  /** DECIMAL(p,s): total and fractional digits; null when not declared. */
  precision: number | null;
  scale: number | null;
}

const INTEGER_BYTES: Array<[RegExp, number]> = [
  [/\btinyint\b|\bint1\b/, 1],
  [/\bsmallint\b|\bint2\b|\bsmallserial\b/, 2],
  [/\bmediumint\b|\bint3\b/, 3],
  [/\bbigint\b|\bint8\b|\bbigserial\b/, 8],
  [/\bint\b|\binteger\b|\bint4\b|\bserial\b/, 4],
];

/**
 * Reads a declared type. `sqliteAffinity` applies SQLite's rules (any type containing INT is a 64-bit
 * integer, CHAR/CLOB/TEXT is text, REAL/FLOA/DOUB is real), where a declared VARCHAR(50) is kept as the
 * width the candidate chose even though SQLite does not enforce it.
 */
export function typeShape(declared: string, options: { sqliteAffinity?: boolean } = {}): TypeShape {
  const type = declared.trim().toLowerCase();
  const shape: TypeShape = { family: 'other', maxLength: null, integerRange: null, precision: null, scale: null };
  const sized = /(?:char(?:acter)?|binary)\s*(?:varying\s*)?\(\s*(\d+)\s*\)/.exec(type);
  const numbers = /\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)/.exec(type);
  if (/^(date)$/.test(type)) shape.family = 'date';
  else if (/timestamp|datetime/.test(type)) shape.family = 'datetime';
  else if (/^time\b/.test(type)) shape.family = 'time';
  else if (/^(bool|boolean|bit\(1\)|tinyint\(1\))$/.test(type)) shape.family = 'boolean';
  else if (/int|serial/.test(type) && !/interval|point/.test(type)) {
    shape.family = 'integer';
    const bytes = options.sqliteAffinity ? 8 : (INTEGER_BYTES.find(([pattern]) => pattern.test(type))?.[1] ?? 8);
    shape.integerRange = integerRange(bytes, /unsigned/.test(type));
  } else if (/char|clob|text|string|enum|uuid|citext|^set\(/.test(type)) {
    shape.family = 'text';
    shape.maxLength = sized ? Number(sized[1]) : null;
  } else if (/real|floa|doub/.test(type)) shape.family = 'real';
  else if (/decimal|numeric|money|number/.test(type)) {
    shape.family = 'decimal';
    if (numbers) {
      shape.precision = Number(numbers[1]);
      shape.scale = numbers[2] === undefined ? 0 : Number(numbers[2]);
    }
  } else if (/blob|binary|bytea|objectid/.test(type)) shape.family = 'binary';
  else if (/json|object|array|document/.test(type)) shape.family = 'json';
  return shape;
}

function integerRange(bytes: number, unsigned: boolean): { min: number; max: number } {
  if (bytes >= 8) return unsigned ? { min: 0, max: Number.MAX_SAFE_INTEGER } : { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
  const bits = bytes * 8;
  return unsigned ? { min: 0, max: 2 ** bits - 1 } : { min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 };
}
