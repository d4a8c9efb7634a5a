/**
 * Database answers are JSON on disk, but drivers hand back Buffers (BLOBs), BigInts (large integers) and Dates:
 * each is written as a one-key tagged object and read back as what it was, so a replayed answer compares
 * equal to the live one.
 */
export function encodeFact(value: unknown): unknown {
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeFact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) out[key] = encodeFact(field);
    return Object.keys(out).length === 1 && Object.keys(out)[0]!.startsWith('$') ? { $object: out } : out;
  }
  return value;
}

export function decodeFact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeFact);
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1) {
    if (typeof record.$bigint === 'string') return BigInt(record.$bigint);
    if (typeof record.$base64 === 'string') return Buffer.from(record.$base64, 'base64');
    if (typeof record.$date === 'string') return new Date(record.$date);
    if (record.$object && typeof record.$object === 'object') return decodeObject(record.$object as Record<string, unknown>);
  }
  return decodeObject(record);
}

function decodeObject(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) out[key] = decodeFact(field);
  return out;
}
