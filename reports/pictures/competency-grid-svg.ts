import type { Lang } from '../../runner/i18n.js';
import { COMPETENCY_WORDS, type CompetencyRollup, type CompetencyStatus } from '../competencies.js';
import { COLOURS, fit, svgFrame, x } from './svg-frame.js';

const FILL: Record<CompetencyStatus, string> = { acquis: COLOURS.good, 'non-acquis': COLOURS.bad, 'a-verifier': COLOURS.check };
const COLUMNS = 6;
const CELL = { width: 104, height: 52, gap: 6 };

/** The competency roll-up as a grid of tiles, one per criterion: its code and its status in words. */
export function competencyGridSvg(rollup: CompetencyRollup, lang: Lang): string {
  if (rollup.items.length === 0) return '';
  const words = COMPETENCY_WORDS[lang];
  const rows = Math.ceil(rollup.items.length / COLUMNS);
  const width = Math.min(rollup.items.length, COLUMNS) * (CELL.width + CELL.gap) - CELL.gap;
  const height = rows * (CELL.height + CELL.gap) - CELL.gap;
  const tiles = rollup.items.map((item, index) => {
    const left = (index % COLUMNS) * (CELL.width + CELL.gap);
    const top = Math.floor(index / COLUMNS) * (CELL.height + CELL.gap);
    return `<g><rect x="${left}" y="${top}" width="${CELL.width}" height="${CELL.height}" rx="6" fill="${FILL[item.status]}"/><text x="${left + CELL.width / 2}" y="${top + 22}" text-anchor="middle" font-size="15" font-weight="700" fill="#fff">${x(fit(item.code, 12))}</text><text x="${left + CELL.width / 2}" y="${top + 41}" text-anchor="middle" font-size="12" fill="#fff">${x(words[item.status])}</text></g>`;
  });
  const counts = (['acquis', 'non-acquis', 'a-verifier'] as const).map((status) => `${rollup.items.filter((i) => i.status === status).length} ${words[status]}`);
  const title = lang === 'fr' ? `Grille des compétences — ${rollup.framework}` : `Competency grid — ${rollup.framework}`;
  const desc = `${counts.join(', ')}. ${rollup.items.map((i) => `${i.code} : ${words[i.status]}`).join(' ; ')}.`;
  return svgFrame('competency-grid', title, lang === 'fr' ? desc : desc.replace(/ : /g, ': ').replace(/ ; /g, '; '), width, height, tiles.join(''));
}
