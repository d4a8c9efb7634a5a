/** Parses the cells of a troubleshooting log: dates in any form a spreadsheet or a French team writes them. */

/** A Date for a date cell: a Date, an Excel serial number, `31/01/2025`, `2025-01-31` (with or without a time). */
export function parseDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number' && value > 20_000 && value < 80_000) return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (match) return valid(Number(match[3]), Number(match[2]), Number(match[1]), Number(match[4] ?? 0), Number(match[5] ?? 0));
  match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(text);
  if (match) return valid(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4] ?? 0), Number(match[5] ?? 0));
  return undefined;
}

function valid(year: number, month: number, day: number, hours: number, minutes: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** A well-formed web address: http(s), a host with a dot, no spaces. */
export function isUrl(value: unknown): boolean {
  if (typeof value !== 'string' || /\s/.test(value.trim())) return false;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || String(value).trim() === '';
}

export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
