import type { Lang } from '../../runner/i18n.js';
import { COLOURS, count, fit, svgFrame, x } from './svg-frame.js';

/** One group of horizontal bars (a metric, a source) with its label; each bar has its own name and value. */
export interface BarGroup {
  label: string;
  bars: Array<{ name: string; value: number | null; fill: string }>;
}

const W = 640;
const LABEL = 110;
const BAR_H = 16;

/**
 * Horizontal grouped bars, every value written at the end of its bar (a missing value says so), each group on
 * its own scale when `perGroupScale` (metrics of different units), else one scale for all (row counts).
 */
export function barsSvg(id: string, title: string, desc: string, groups: BarGroup[], lang: Lang, perGroupScale: boolean): string {
  const globalMax = Math.max(1e-12, ...groups.flatMap((g) => g.bars.map((b) => Math.abs(b.value ?? 0))));
  const none = lang === 'fr' ? 'absent' : 'missing';
  let y = 4;
  const parts: string[] = [];
  for (const group of groups) {
    const max = perGroupScale ? Math.max(1e-12, ...group.bars.map((b) => Math.abs(b.value ?? 0))) : globalMax;
    parts.push(`<text x="0" y="${y + 13}" font-size="13" font-weight="700" fill="${COLOURS.ink}">${x(fit(group.label, 80))}</text>`);
    y += 20;
    for (const bar of group.bars) {
      const width = bar.value === null ? 0 : Math.max(1, Math.round(((W - LABEL - 150) * Math.abs(bar.value)) / max));
      parts.push(
        `<text x="${LABEL - 6}" y="${y + 12}" font-size="12" text-anchor="end" fill="${COLOURS.ink}">${x(bar.name)}</text>`,
        `<rect x="${LABEL}" y="${y}" width="${width}" height="${BAR_H}" fill="${bar.fill}"/>`,
        `<text x="${LABEL + width + 6}" y="${y + 12}" font-size="12" fill="${COLOURS.ink}">${bar.value === null ? none : x(count(bar.value, lang))}</text>`,
      );
      y += BAR_H + 4;
    }
    y += 10;
  }
  return svgFrame(id, title, desc, W, y, parts.join(''));
}
