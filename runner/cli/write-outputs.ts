import { join } from 'node:path';
import type { RunReport } from '../../reports/report.js';
import type { Renderer } from '../../reports/renderer.js';
import { repoLinkFor } from '../../reports/source-links.js';
import type { Lang } from '../i18n.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { makeDirectory } from '../output/make-directory.js';
import { asOutputError } from '../output/prepare-output.js';

/**
 * Writes `<out>/<run id>/report.json` (always) and the other asked formats beside it; returns the paths.
 * Each file is rendered in memory, then written atomically: a full disk leaves it whole or absent, and
 * fails with `MSPR_OUTPUT_UNWRITABLE`.
 */
export function writeOutputs(report: RunReport, renderers: Renderer[], outRoot: string, lang: Lang): string[] {
  const dir = join(outRoot, report.runId);
  const written: string[] = [];
  const seen = new Set<string>();
  try {
    makeDirectory(dir);
    // The caller lists json first (`renderersFor(['json', …])`); `--format json,md` must not write it twice.
    for (const renderer of renderers) {
      if (seen.has(renderer.name)) continue;
      seen.add(renderer.name);
      const path = join(dir, `report.${renderer.extension}`);
      writeFileAtomic(path, renderer.render(report, lang, { repoLink: repoLinkFor(report, dir) }));
      written.push(path);
    }
  } catch (error) {
    throw asOutputError(error, dir, '--out');
  }
  return written;
}
