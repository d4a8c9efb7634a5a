/**
 * Refuses spreadsheets that would blow up when unzipped. An XLSX is a ZIP: its central directory lists each
 * entry's compressed and uncompressed size, so a "zip bomb" (a few kB expanding to gigabytes) is caught by
 * reading ~100 bytes per entry, before any parser inflates anything. Candidate files are untrusted.
 */
export const XLSX_LIMITS = { maxUncompressedBytes: 200 * 1024 * 1024, maxRatio: 200, maxEntries: 10_000 };

export function xlsxProblem(bytes: Buffer, limits = XLSX_LIMITS): string | undefined {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return 'not a ZIP/XLSX file (no central directory)';
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (entries > limits.maxEntries) return `${entries} entries in the archive (limit ${limits.maxEntries})`;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return 'corrupt ZIP central directory';
    const compressed = bytes.readUInt32LE(offset + 20);
    const uncompressed = bytes.readUInt32LE(offset + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return 'ZIP64 entries are not accepted in a spreadsheet';
    total += uncompressed;
    if (uncompressed > 1024 * 1024 && uncompressed / Math.max(compressed, 1) > limits.maxRatio) return `an entry expands ${Math.round(uncompressed / Math.max(compressed, 1))}× (limit ${limits.maxRatio}×)`;
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  if (total > limits.maxUncompressedBytes) return `${total} bytes once unzipped (limit ${limits.maxUncompressedBytes})`;
  return undefined;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) if (bytes.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}
