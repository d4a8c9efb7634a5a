/** Rounds a ratio or score for display (4 significant decimals is what juries read). */
export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
