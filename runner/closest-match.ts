import { distance } from 'fastest-levenshtein';

/** The known name closest to a misspelt one, when it is close enough to be a plausible typo. */
export function closestMatch(input: string, known: readonly string[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    const score = distance(input.toLowerCase(), name.toLowerCase());
    if (!best || score < best.score) best = { name, score };
  }
  if (!best) return undefined;
  // A third of the length lets "db/rows-match-sourse" and "rows-match-source" through, not unrelated ids.
  return best.score <= Math.max(2, Math.ceil(input.length / 3)) ? best.name : undefined;
}
