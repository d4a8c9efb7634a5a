import escapeHtml from 'escape-html';
import type { Lang } from '../../runner/i18n.js';
import { pick } from '../../runner/i18n.js';
import { formatNumber } from '../../runner/i18n/format.js';
import type { ReportImage } from '../../runner/report-images/report-image.js';
import { formatLocation } from '../format-evidence.js';
import { titleAndAxes } from './figures-svg.js';
import type { RunReport } from '../report.js';
import { type RenderContext, sourceHref } from '../source-links.js';

const e = (text: string | number) => escapeHtml(String(text));

const WORDS = {
  fr: { figures: 'Figures enregistrées par le code de l’équipe', screenshots: 'Pages de l’application, vues par l’audit d’accessibilité', notShown: 'Images non montrées', figure: 'Figure enregistrée', screenshot: 'Capture d’écran de la page', title: 'titre', shownAt: 'montrée en', colon: ' : ', list: ' ; ', thumbnails: 'Miniatures refaites par mspr-lab à partir des pixels (sans les métadonnées du fichier) ; l’original est dans le dépôt.' },
  en: { figures: 'Figures the team’s code saved', screenshots: 'The app’s pages, as the accessibility audit saw them', notShown: 'Pictures not shown', figure: 'Saved figure', screenshot: 'Screenshot of the page', title: 'title', shownAt: 'shown at', colon: ': ', list: '; ', thumbnails: 'Thumbnails remade by mspr-lab from the pixels (without the file’s metadata); the original is in the repository.' },
} as const;

/** What a report read from disk may embed: the grader's own thumbnail types and plain base64, nothing else. */
const TYPES = new Set(['image/png', 'image/jpeg']);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const size = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 720;

/** The text equivalent of a picture: what it is, where it comes from, what its title and axes say. */
export function imageDescription(image: ReportImage, lang: Lang): string {
  const w = WORDS[lang];
  if (image.kind === 'screenshot') return `${w.screenshot} ${image.source}${image.title ? ` (${w.title}${w.colon}${image.title})` : ''}`;
  return `${w.figure} ${image.source} — ${titleAndAxes(image, lang).join(w.list)}`;
}

/**
 * The thumbnails of the team's saved figures and of the audited pages, each with its text equivalent, and the
 * pictures that could not be shown with why. Embedded as `data:` URIs so the report stays one file.
 */
export function savedImagesHtml(report: RunReport, lang: Lang, context: RenderContext): string {
  const images = report.images;
  if (!images) return '';
  const w = WORDS[lang];
  const valid = images.shown.filter((image) => TYPES.has(image.type) && BASE64.test(image.base64) && size(image.width) && size(image.height));
  const item = (image: ReportImage) => {
    const description = imageDescription(image, lang);
    const href = image.location ? sourceHref(report, image.location, context) : undefined;
    const where = image.location ? formatLocation(image.location, lang) : '';
    const link = where ? ` — ${href ? `<a href="${e(href)}">${e(where)}</a>` : `<code>${e(where)}</code>`}` : '';
    const dimensions = `${formatNumber(image.originalWidth, lang)} × ${formatNumber(image.originalHeight, lang)} px${image.width !== image.originalWidth ? `, ${w.shownAt} ${formatNumber(image.width, lang)} × ${formatNumber(image.height, lang)}` : ''}`;
    return `<li class="photo"><img src="data:${image.type};base64,${image.base64}" width="${image.width}" height="${image.height}" alt="${e(description)}"><p>${e(description)}${link} <span class="dimensions">(${e(dimensions)})</span></p></li>`;
  };
  const group = (caption: string, list: ReportImage[]) => (list.length === 0 ? '' : `<figure><figcaption>${caption}</figcaption><ul class="photos">${list.map(item).join('')}</ul></figure>`);
  const parts = [group(w.figures, valid.filter((image) => image.kind === 'figure')), group(w.screenshots, valid.filter((image) => image.kind === 'screenshot'))];
  if (valid.length > 0) parts.push(`<p class="dimensions">${w.thumbnails}</p>`);
  if (images.notShown.length > 0) parts.push(`<h3>${w.notShown}</h3><ul>${images.notShown.map((item) => `<li><code>${e(item.source)}</code>${w.colon}${e(pick(item.why, lang))}</li>`).join('')}</ul>`);
  return parts.join('');
}
