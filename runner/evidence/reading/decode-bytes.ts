/**
 * Decodes a source file's bytes with a Python codec name (what the team passed to `encoding=`), as Python would:
 * `latin-1` and `cp1252` differ only in 0x80–0x9F, `utf-8-sig` drops a BOM, UTF-16 reads its BOM. An unknown
 * name falls back to UTF-8 with replacement characters rather than failing the read.
 */
export function decodeBytes(bytes: Uint8Array, encoding: string): string {
  const label = whatwgLabel(encoding);
  if (label === 'utf-16') {
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    return new TextDecoder('utf-16le').decode(bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2) : bytes);
  }
  if (label === 'iso-8859-1') return latin1(bytes);
  // TextDecoder('utf-8') drops a leading BOM by default: what utf-8-sig does, and pandas' own utf-8 reader too.
  return new TextDecoder(label).decode(bytes);
}

/** Python codec names to WHATWG encoding labels. */
function whatwgLabel(encoding: string): string {
  const name = encoding.toLowerCase().replace(/_/g, '-');
  if (/^(latin-?1|iso-?8859-1|l1|iso8859-1|8859)$/.test(name)) return 'iso-8859-1';
  if (/^(cp|windows-?)1252$/.test(name)) return 'windows-1252';
  if (/^(iso-?8859-15|latin-?9)$/.test(name)) return 'iso-8859-15';
  if (/^utf-?16(-?le|-?be)?$/.test(name)) return name.endsWith('be') ? 'utf-16be' : name.endsWith('le') ? 'utf-16le' : 'utf-16';
  if (/^(utf-?8(-sig)?|u8|ascii|us-ascii)$/.test(name)) return 'utf-8';
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return 'utf-8';
  }
}

/** True ISO-8859-1 (each byte is the code point of its value): Node's `latin1`, not WHATWG's, which is cp1252. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
