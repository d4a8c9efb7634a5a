import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { renderers } from '../../reports/registry.js';
import type { RunReport } from '../../reports/report.js';
import type { Lang } from '../i18n.js';
import { writeFileAtomic } from '../output/atomic-write.js';

/**
 * Renders a re-graded team's report over the files its batch wrote: report.json always, and each other format
 * the batch chose (`-f`), found by its file being there, so a regrade writes what the batch wrote, no more.
 */
export function writeTeamReports(teamDir: string, report: RunReport, lang: Lang): string[] {
  const written: string[] = [];
  for (const renderer of Object.values(renderers)) {
    const file = join(teamDir, `report.${renderer.extension}`);
    if (renderer.name !== 'json' && !existsSync(file)) continue;
    writeFileAtomic(file, renderer.render(report, lang));
    written.push(file);
  }
  return written;
}
