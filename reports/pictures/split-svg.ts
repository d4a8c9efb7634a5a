import type { Lang } from '../../runner/i18n.js';
import type { SplitPicture } from './picture-data.js';
import { COLOURS, count, percent, svgFrame } from './svg-frame.js';

const W = 640;
const BAR = { left: 10, top: 34, width: 620, height: 34 };

/** The sentence beside the picture, and its description: the same facts in words. */
export function splitSentence(split: SplitPicture, lang: Lang): string {
  const [ratio, min] = [percent(split.ratio, lang), percent(split.min, lang)];
  return lang === 'fr'
    ? `Entraînement ${ratio} (${count(split.train, lang)} lignes), test ${percent(1 - split.ratio, lang)} (${count(split.test, lang)} lignes) ; seuil attendu : au moins ${min} pour l’entraînement — ${split.passed ? 'atteint' : 'non atteint'}.`
    : `Train ${ratio} (${count(split.train, lang)} rows), test ${percent(1 - split.ratio, lang)} (${count(split.test, lang)} rows); expected threshold: at least ${min} for training — ${split.passed ? 'met' : 'not met'}.`;
}

/** One bar split into train and test, with the threshold drawn across it. */
export function splitSvg(split: SplitPicture, lang: Lang): string {
  const trainWidth = Math.round(BAR.width * split.ratio);
  const threshold = BAR.left + Math.round(BAR.width * split.min);
  const [trainWord, testWord, minWord] = lang === 'fr' ? ['entraînement', 'test', 'seuil'] : ['train', 'test', 'threshold'];
  const testText = `${testWord} ${percent(1 - split.ratio, lang)}`;
  const body = [
    `<rect x="${BAR.left}" y="${BAR.top}" width="${trainWidth}" height="${BAR.height}" fill="${split.passed ? COLOURS.good : COLOURS.bad}"/>`,
    `<rect x="${BAR.left + trainWidth}" y="${BAR.top}" width="${BAR.width - trainWidth}" height="${BAR.height}" fill="${COLOURS.light}"/>`,
    trainWidth > 150 ? `<text x="${BAR.left + 8}" y="${BAR.top + 22}" font-size="14" fill="#fff">${trainWord} ${percent(split.ratio, lang)} (${count(split.train, lang)})</text>` : '',
    BAR.width - trainWidth > 90 ? `<text x="${BAR.left + BAR.width - 8}" y="${BAR.top + 22}" font-size="14" text-anchor="end" fill="${COLOURS.ink}">${testText} (${count(split.test, lang)})</text>` : '',
    `<line x1="${threshold}" y1="${BAR.top - 10}" x2="${threshold}" y2="${BAR.top + BAR.height + 6}" stroke="${COLOURS.ink}" stroke-width="2" stroke-dasharray="4 3"/>`,
    `<text x="${threshold}" y="${BAR.top - 14}" font-size="13" text-anchor="middle" fill="${COLOURS.ink}">${minWord} ${percent(split.min, lang)}</text>`,
  ].join('');
  const title = lang === 'fr' ? 'Découpage entraînement / test et seuil attendu' : 'Train / test split and expected threshold';
  return svgFrame('split', title, splitSentence(split, lang), W, BAR.top + BAR.height + 10, body);
}
