import type { Lang } from '../i18n.js';

/**
 * Numbers, durations, scores and plurals as each language writes them, through `Intl` (Node 20 ships full ICU):
 * French uses a decimal comma (`0,765 ms`), a narrow no-break space before `%` and as thousands separator, and
 * `Intl.PluralRules` (0 and 1 are singular in French, only 1 in English). One module so every message agrees.
 */

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
/** U+202F, what `Intl` puts before `%` in French; also used before `:;?!` by {@link frenchTypography}. */
export const NARROW_NBSP = '\u202f';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat(LOCALE[lang], options)));
  return format;
}

/**
 * A number in the language's notation, at most `maxDigits` decimals (4 by default). No thousands grouping unless
 * asked: message numbers are often years, line numbers or ports, which are never grouped.
 */
export function formatNumber(value: number, lang: Lang, options: { maxDigits?: number; group?: boolean } = {}): string {
  if (!Number.isFinite(value)) return String(value);
  return numberFormat(lang, { maximumFractionDigits: options.maxDigits ?? 4, useGrouping: options.group ?? false }).format(value);
}

/** `0.6` → `60 %` (fr, narrow no-break space) / `60%` (en). */
export function formatPercent(ratio: number, lang: Lang, maxDigits = 1): string {
  // ICU's French data has a plain no-break space here; French typography wants the narrow one, as for thousands.
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: maxDigits }).format(ratio).replace('\u00a0', NARROW_NBSP);
}

/** `19,75/20` (fr) / `19.75/20` (en). */
export function formatScore(score: number, max: number, lang: Lang): string {
  return `${formatNumber(score, lang, { maxDigits: 2 })}/${formatNumber(max, lang, { maxDigits: 2 })}`;
}

/**
 * A duration for people: `0,765 ms` under a second and a half… `3,1 s`, `2 min 05 s`, `1 h 02 min`. Milliseconds keep
 * three significant decimals so two close timings stay distinguishable.
 */
export function formatDuration(ms: number, lang: Lang): string {
  if (!Number.isFinite(ms)) return '?';
  if (ms < 1000) return `${formatNumber(ms, lang, { maxDigits: ms < 10 ? 3 : ms < 100 ? 2 : 0 })} ms`;
  if (ms < 60_000) return `${formatNumber(ms / 1000, lang, { maxDigits: 1 })} s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

const rules: Partial<Record<Lang, Intl.PluralRules>> = {};

/** The singular or plural form for `count` by the language's rules: French 0 and 1 are singular. */
export function plural(count: number, lang: Lang, one: string, other: string): string {
  const select = (rules[lang] ??= new Intl.PluralRules(LOCALE[lang])).select(count);
  return select === 'one' ? one : other;
}

/** `3 étapes` / `1 step`: the count in the language's notation, then the right form. */
export function countOf(count: number, lang: Lang, one: string, other: string): string {
  return `${formatNumber(count, lang, { group: true })} ${plural(count, lang, one, other)}`;
}

/**
 * French typography: the plain space French text puts before `:` becomes a no-break space, and before `;`, `?`, `!`
 * a narrow no-break space, so a line never breaks before them. Only a space already there is changed: a colon
 * glued to a word is code or quoted text (`etl.py:42`, `12:30`, `FileNotFoundError: …`) and stays as it is.
 */
export function frenchTypography(text: string): string {
  return text.replace(/(`[^`]*`)| ([:;?!])(?=\s|$)/g, (whole, code: string | undefined, mark: string) =>
    code ?? `${mark === ':' ? '\u00a0' : NARROW_NBSP}${mark}`,
  );
}
