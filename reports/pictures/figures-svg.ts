import type { Lang } from '../../runner/i18n.js';
import type { FigurePicture } from './picture-data.js';
import { COLOURS, fit, svgFrame, x } from './svg-frame.js';

/** A figure's title and axis labels in words, "aucun" / "none" where it has none (sketches and saved figures alike). */
export function titleAndAxes(figure: { title?: string | null; xlabel?: string | null; ylabel?: string | null }, lang: Lang): string[] {
  const none = lang === 'fr' ? 'aucun' : 'none';
  return lang === 'fr'
    ? [`titre : ${figure.title ?? none}`, `axe x : ${figure.xlabel ?? none}`, `axe y : ${figure.ylabel ?? none}`]
    : [`title: ${figure.title ?? none}`, `x axis: ${figure.xlabel ?? none}`, `y axis: ${figure.ylabel ?? none}`];
}

/** A figure in words: its kind, title and axes as the trace saw them (what the thumbnail draws). */
export function figureSentence(figure: FigurePicture, lang: Lang): string {
  const parts = titleAndAxes(figure, lang);
  if (figure.x || figure.y) parts.push(`${lang === 'fr' ? 'colonnes' : 'columns'}${lang === 'fr' ? ' : ' : ': '}${[figure.x, figure.y].filter(Boolean).join(' × ')}`);
  if (figure.file) parts.push(`${lang === 'fr' ? 'fichier' : 'file'}${lang === 'fr' ? ' : ' : ': '}${figure.file}`);
  return `${figure.kind} — ${parts.join(lang === 'fr' ? ' ; ' : '; ')}`;
}

/**
 * A thumbnail drawn from what the trace knows (never the team's image file): a frame with the title on top and
 * the axis labels on the axes, "no title" written where there is none.
 */
export function figureSvg(figure: FigurePicture, index: number, lang: Lang): string {
  const missing = lang === 'fr' ? ['(sans titre)', '(axe x sans nom)', '(sans nom)'] : ['(no title)', '(x axis unnamed)', '(unnamed)'];
  const [w, h] = [220, 150];
  const ink = (present: unknown) => (present ? COLOURS.ink : COLOURS.bad);
  const body = [
    `<rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" fill="#fff" stroke="${COLOURS.neutral}"/>`,
    `<text x="${w / 2}" y="18" font-size="12" font-weight="700" text-anchor="middle" fill="${ink(figure.title)}">${x(fit(figure.title ?? missing[0]!, 30))}</text>`,
    `<line x1="34" y1="28" x2="34" y2="118" stroke="${COLOURS.ink}"/><line x1="34" y1="118" x2="${w - 12}" y2="118" stroke="${COLOURS.ink}"/>`,
    `<text x="${(w + 22) / 2}" y="138" font-size="11" text-anchor="middle" fill="${ink(figure.xlabel)}">${x(fit(figure.xlabel ?? missing[1]!, 30))}</text>`,
    `<text x="20" y="73" font-size="11" text-anchor="middle" transform="rotate(-90 20 73)" fill="${ink(figure.ylabel)}">${x(fit(figure.ylabel ?? missing[2]!, 18))}</text>`,
    `<text x="${(w + 22) / 2}" y="78" font-size="12" text-anchor="middle" fill="${COLOURS.neutral}">${x(fit(figure.kind, 24))}</text>`,
  ].join('');
  return svgFrame(`figure-${index}`, `${lang === 'fr' ? 'Figure' : 'Figure'} ${index + 1} — ${figure.kind}`, figureSentence(figure, lang), w, h, body);
}
