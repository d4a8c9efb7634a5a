import escapeHtml from 'escape-html';
import type { Lang } from '../../runner/i18n.js';

/** Escaped for SVG text and attributes (the same five characters as HTML). */
export const x = (text: string | number) => escapeHtml(String(text));

/**
 * An inline SVG picture with its accessible name and description (`role="img"`, `<title>`, `<desc>`): the page
 * also shows the same facts as a table or a sentence beside it, so nothing is said by the picture alone.
 */
export function svgFrame(id: string, title: string, desc: string, width: number, height: number, body: string): string {
  return `<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="picture" xmlns="http://www.w3.org/2000/svg"><title id="${id}-title">${x(title)}</title><desc id="${id}-desc">${x(desc)}</desc>${body}</svg>`;
}

/** SVG text does not wrap: long candidate strings are cut to fit, the full text is in the table beside. */
export function fit(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

export function percent(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

export function count(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 4 }).format(value);
}

/** Fill colours with at least 4.5:1 contrast against white text (the status is also written in words). */
export const COLOURS = { good: '#1e6b34', bad: '#a4161a', check: '#8a5300', neutral: '#595959', light: '#d9d9d9', ink: '#1a1a1a' } as const;
