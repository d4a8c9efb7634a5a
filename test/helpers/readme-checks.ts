/**
 * The check ids the README's check table names: every `family/name` in backticks in the first cell of a
 * table row (one row may name several: `viz/scatter`, `viz/distribution`).
 */
export function readmeCheckIds(readme: string): Set<string> {
  const ids = new Set<string>();
  for (const line of readme.split('\n')) {
    const cell = /^\|([^|]*)\|/.exec(line)?.[1];
    if (!cell) continue;
    for (const match of cell.matchAll(/`([a-z0-9-]+\/[a-z0-9-]+)`/g)) ids.add(match[1]!);
  }
  return ids;
}
