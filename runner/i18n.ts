/** Languages every user-facing message exists in. French is the jury's language; English serves CI logs. */
export type Lang = 'fr' | 'en';

/** A message in both languages. Every user-facing text in mspr-lab is one of these. */
export interface Localized {
  fr: string;
  en: string;
}

/** Values that message templates interpolate: `{name}` in a template is replaced by `params.name`. */
export type MessageParams = Record<string, string | number | boolean | null | undefined>;

/**
 * The language to speak when the user did not say: French under a French locale, English otherwise.
 * LC_ALL wins over LC_MESSAGES which wins over LANG, as POSIX says.
 */
export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr([_.-]|$)/i.test(locale) ? 'fr' : 'en';
}

/** Replaces `{name}` placeholders; a missing parameter stays visible as `{name}` rather than vanishing. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : formatValue(value);
  });
}

function formatValue(value: string | number | boolean): string {
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Math.round(value * 10_000) / 10_000);
  return String(value);
}

/** Interpolates both languages of a template pair. */
export function localize(template: Localized, params: MessageParams = {}): Localized {
  return { fr: interpolate(template.fr, params), en: interpolate(template.en, params) };
}

/** Builds a Localized from two strings; reads better at call sites than an object literal. */
export function t(fr: string, en: string): Localized {
  return { fr, en };
}

export function pick(text: Localized | string, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

/** Scenario texts may be one string for both languages; reports always carry both. */
export function asLocalized(text: Localized | string): Localized {
  return typeof text === 'string' ? { fr: text, en: text } : text;
}
