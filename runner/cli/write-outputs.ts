import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../reports/report.js';
import type { Renderer } from '../../reports/renderer.js';
import type { Lang } from '../i18n.js';

/** Writes `<out>/<run id>/report.json` (always) and the other asked formats beside it; returns the paths. */
export function writeOutputs(report: RunReport, renderers: Renderer[], outRoot: string, lang: Lang): string[] {
  const dir = join(outRoot, report.runId);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const seen = new Set<string>();
  // The caller lists json first (`renderersFor(['json', …])`); `--format json,md` must not write it twice.
  for (const renderer of renderers) {
    if (seen.has(renderer.name)) continue;
    seen.add(renderer.name);
    const path = join(dir, `report.${renderer.extension}`);
    writeFileSync(path, renderer.render(report, lang));
    written.push(path);
  }
  return written;
}
