import escapeHtml from 'escape-html';
import type { Lang } from '../../runner/i18n.js';
import { formatLocation } from '../format-evidence.js';
import type { RunReport } from '../report.js';
import { type RenderContext, sourceHref } from '../source-links.js';
import { barsSvg } from './bars-svg.js';
import { figureSentence, figureSvg } from './figures-svg.js';
import { picturesOf } from './picture-data.js';
import { savedImagesHtml } from './saved-images.js';
import { splitSentence, splitSvg } from './split-svg.js';
import { COLOURS, count } from './svg-frame.js';

const e = (text: string | number) => escapeHtml(String(text));

const WORDS = {
  fr: { title: 'En images', split: 'Découpage entraînement / test', metrics: 'Métriques annoncées et mesurées', metric: 'Métrique', reported: 'annoncée', measured: 'mesurée', rows: 'Lignes de chaque source jusqu’à la table', source: 'Source', table: 'Table', read: 'lues', dropped: 'écartées', loaded: 'chargées', figures: 'Figures tracées par le code de l’équipe', missing: 'absente', where: 'Où' },
  en: { title: 'At a glance', split: 'Train / test split', metrics: 'Reported and measured metrics', metric: 'Metric', reported: 'reported', measured: 'measured', rows: 'Rows of each source down to its table', source: 'Source', table: 'Table', read: 'read', dropped: 'dropped', loaded: 'loaded', figures: 'Figures the team’s code drew', missing: 'missing', where: 'Where' },
} as const;

/** The report's pictures, each a `<figure>` holding the SVG and the same facts as a table or a sentence. */
export function picturesSection(report: RunReport, lang: Lang, context: RenderContext): string {
  const w = WORDS[lang];
  const pictures = picturesOf(report.verdicts);
  const parts: string[] = [];
  if (pictures.split) parts.push(`<figure><figcaption>${w.split}</figcaption>${splitSvg(pictures.split, lang)}<p>${e(splitSentence(pictures.split, lang))}</p></figure>`);
  if (pictures.metrics.length > 0) {
    const groups = pictures.metrics.map((m) => ({ label: m.label, bars: [{ name: w.reported, value: m.reported, fill: COLOURS.check }, { name: w.measured, value: m.measured, fill: COLOURS.neutral }] }));
    const desc = pictures.metrics.map((m) => `${m.label} : ${w.reported} ${count(m.reported, lang)}, ${w.measured} ${count(m.measured, lang)}`).join(' ; ');
    const table = `<table><caption>${w.metrics}</caption><thead><tr><th scope="col">${w.metric}</th><th scope="col">${w.reported}</th><th scope="col">${w.measured}</th></tr></thead><tbody>${pictures.metrics.map((m) => `<tr><th scope="row">${e(m.label)}</th><td>${e(count(m.reported, lang))}</td><td>${e(count(m.measured, lang))}</td></tr>`).join('')}</tbody></table>`;
    parts.push(`<figure><figcaption>${w.metrics}</figcaption>${barsSvg('metrics', w.metrics, colons(desc, lang), groups, lang, true)}${table}</figure>`);
  }
  if (pictures.rows.length > 0) {
    const groups = pictures.rows.map((r) => ({ label: `${r.source} → ${r.table}`, bars: [{ name: w.read, value: r.sourceRows, fill: COLOURS.neutral }, { name: w.dropped, value: r.dropped, fill: COLOURS.check }, { name: w.loaded, value: r.loaded, fill: r.loaded === r.sourceRows - r.dropped ? COLOURS.good : COLOURS.bad }] }));
    const desc = pictures.rows.map((r) => `${r.source} → ${r.table} : ${count(r.sourceRows, lang)} ${w.read}, ${count(r.dropped, lang)} ${w.dropped}, ${r.loaded === null ? w.missing : `${count(r.loaded, lang)} ${w.loaded}`}`).join(' ; ');
    const table = `<table><caption>${w.rows}</caption><thead><tr><th scope="col">${w.source}</th><th scope="col">${w.table}</th><th scope="col">${w.read}</th><th scope="col">${w.dropped}</th><th scope="col">${w.loaded}</th></tr></thead><tbody>${pictures.rows.map((r) => `<tr><th scope="row">${e(r.source)}</th><td>${e(r.table)}</td><td>${e(count(r.sourceRows, lang))}</td><td>${e(count(r.dropped, lang))}</td><td>${r.loaded === null ? w.missing : e(count(r.loaded, lang))}</td></tr>`).join('')}</tbody></table>`;
    parts.push(`<figure><figcaption>${w.rows}</figcaption>${barsSvg('rows', w.rows, colons(desc, lang), groups, lang, false)}${table}</figure>`);
  }
  // A figure the report shows as the team saved it (same file, or same title) needs no sketch drawn from the trace.
  const saved = (report.images?.shown ?? []).filter((image) => image.kind === 'figure');
  const files = new Set(saved.map((image) => image.source));
  const titles = new Set(saved.map((image) => image.title).filter((title): title is string => title !== null));
  const sketched = pictures.figures.filter((figure) => !(figure.file && files.has(figure.file)) && !(figure.title && titles.has(figure.title)));
  if (sketched.length > 0) {
    const items = sketched.map((figure, index) => {
      const href = figure.location ? sourceHref(report, figure.location, context) : undefined;
      const where = figure.location ? formatLocation(figure.location, lang) : '';
      const link = where ? ` — ${href ? `<a href="${e(href)}">${e(where)}</a>` : `<code>${e(where)}</code>`}` : '';
      return `<li class="thumbnail">${figureSvg(figure, index, lang)}<p>${e(figureSentence(figure, lang))}${link}</p></li>`;
    });
    parts.push(`<figure><figcaption>${w.figures}</figcaption><ul class="thumbnails">${items.join('')}</ul></figure>`);
  }
  const photos = savedImagesHtml(report, lang, context);
  if (photos) parts.push(photos);
  if (parts.length === 0) return '';
  return `<section aria-labelledby="pictures"><h2 id="pictures">${w.title}</h2>${parts.join('')}</section>`;
}

function colons(text: string, lang: Lang): string {
  return lang === 'fr' ? text : text.replace(/ : /g, ': ').replace(/ ; /g, '; ');
}
