import { formatNumber, plural } from './i18n/format.js';

/** Languages every user-facing message exists in. French is the jury's language; English serves CI logs. */
export type Lang = 'fr' | 'en';

/** A message in both languages. Every user-facing text in mspr-lab is one of these. */
export interface Localized {
  fr: string;
  en: string;
}

/**
 * Values that message templates interpolate: `{name}` in a template is replaced by `params.name`. A value
 * carries names, numbers and code; when it must hold words (a list whose items say something), it is a
 * {@link Localized} pair and each language's message takes its own side.
 */
export type MessageParam = string | number | boolean | null | undefined | Localized;
export type MessageParams = Record<string, MessageParam>;

/**
 * The language to speak when the user did not say: French under a French locale, English otherwise.
 * LC_ALL wins over LC_MESSAGES which wins over LANG, as POSIX says.
 */
export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr([_.-]|$)/i.test(locale) ? 'fr' : 'en';
}

/**
 * Replaces `{name}` placeholders, taking the `lang` side of a localized value; a missing parameter stays
 * visible as `{name}` rather than vanishing. Numbers are written in the language's notation (`0,765` in French).
 * `{name|one form|other form}` picks the form `Intl.PluralRules` gives for the number `name` (French 0 and 1 are
 * singular); a form may itself hold placeholders: `{total|L’étape s’est terminée|Les {total} étapes se sont terminées}`.
 */
export function interpolate(template: string, params: MessageParams = {}, lang: Lang = 'en'): string {
  const forms = template.replace(PLURAL, (whole, name: string, one: string, other: string) => {
    const value = params[name];
    const count = value === null || value === undefined || typeof value === 'object' ? Number.NaN : Number(value);
    return Number.isFinite(count) ? plural(count, lang, one, other) : whole;
  });
  return forms.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return typeof value === 'object' ? value[lang] : formatValue(value, lang);
  });
}

const FORM = '((?:[^{}|]|\\{\\w+\\})*)';
const PLURAL = new RegExp(`\\{(\\w+)\\|${FORM}\\|${FORM}\\}`, 'g');

function formatValue(value: string | number | boolean, lang: Lang): string {
  return typeof value === 'number' ? formatNumber(value, lang) : String(value);
}

/** Interpolates both languages of a template pair. */
export function localize(template: Localized, params: MessageParams = {}): Localized {
  return { fr: interpolate(template.fr, params, 'fr'), en: interpolate(template.en, params, 'en') };
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

/** A text written once per language: `byLang((lang) => `${label[lang]} (${where})`)`. */
export function byLang(render: (lang: Lang) => string): Localized {
  return { fr: render('fr'), en: render('en') };
}

/**
 * Joins list items into one message parameter: each item is a name (`ventes.csv`, the same in both languages)
 * or a {@link Localized} text; `empty` stands for an empty list.
 */
export function joinLocalized(items: ReadonlyArray<Localized | string>, separator = ', ', empty = '—'): Localized {
  if (items.length === 0) return { fr: empty, en: empty };
  return byLang((lang) => items.map((item) => (typeof item === 'string' ? item : item[lang])).join(separator));
}
