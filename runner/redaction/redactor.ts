import { SECRET_FORMATS } from './secret-formats.js';

/** What a secret becomes in reports: the same in both languages, and what CI logs already use. */
export const MASK = '***';

/** Shorter values would mask ordinary words and numbers everywhere; they are left alone. */
const MIN_SECRET_LENGTH = 4;
/** Below this length a value is masked only as a whole word (`mspr` in `mspr.yaml`, not in `msprlab`). */
const WORD_LENGTH = 12;

/** Masks known secret values and secret formats in text, counting what it masked. */
export interface Redactor {
  /** Adds secret values (a .env's passwords, the run's database password, trace keys). */
  add(values: Iterable<string>): void;
  text(text: string): string;
  /** How many secrets were masked so far. */
  readonly count: number;
}

export function createRedactor(values: Iterable<string> = []): Redactor {
  const known = new Set<string>();
  let literal: RegExp | undefined;
  let count = 0;
  const redactor: Redactor = {
    add(more) {
      let changed = false;
      for (const value of more) {
        if (value.length >= MIN_SECRET_LENGTH && !known.has(value) && value !== MASK) {
          known.add(value);
          changed = true;
        }
      }
      if (changed) literal = literalPattern(known);
    },
    text(text) {
      let out = literal
        ? text.replace(literal, () => {
            count += 1;
            return MASK;
          })
        : text;
      for (const format of SECRET_FORMATS) {
        out = out.replace(format.pattern, (...args: unknown[]) => {
          const match = args[0] as string;
          const groups = args.slice(1, -2) as Array<string | undefined>;
          const offset = args[args.length - 2] as number;
          const whole = args[args.length - 1] as string;
          const secret = format.groups ? format.groups.map((n) => groups[n - 1]).find((g) => g !== undefined) : match;
          if (!secret || secret === MASK) return match;
          if (format.reject?.(secret, whole.slice(offset + match.length))) return match;
          count += 1;
          // In a format with groups the secret is the last one, at the end of the match (`scheme://user:` + secret).
          return format.groups ? `${match.slice(0, match.length - secret.length)}${MASK}` : MASK;
        });
      }
      return out;
    },
    get count() {
      return count;
    },
  };
  redactor.add(values);
  return redactor;
}

/** One pattern for every known value, longest first, so a value containing another is masked whole. */
function literalPattern(values: Set<string>): RegExp {
  const alternatives = [...values]
    .sort((a, b) => b.length - a.length)
    .map((value) => {
      const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return value.length < WORD_LENGTH ? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])` : escaped;
    });
  return new RegExp(alternatives.join('|'), 'gu');
}
