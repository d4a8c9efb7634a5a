/**
 * Column names as a jury would compare them: `TotalDécès`, `total_deces`, `Total Deces` and `TOTAL-DECES` are
 * one column. Case, accents, spaces, underscores, hyphens and dots are set aside.
 */
export function normalizeColumn(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

/** The name in `candidates` that is `wanted` once both are normalised (an exact match first). */
export function findColumn(candidates: readonly string[], wanted: string): string | undefined {
  if (candidates.includes(wanted)) return wanted;
  const key = normalizeColumn(wanted);
  return candidates.find((c) => normalizeColumn(c) === key);
}
