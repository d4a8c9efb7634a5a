import type { PageAudit } from '../browser/page-audit.js';
import { MsprError } from '../errors.js';
import { type Localized, t } from '../i18n.js';
import { countOf } from '../i18n/format.js';
import { readFileInside } from '../safe-read/read-inside.js';
import type { FigureEvent } from '../tracer/data-event-types.js';
import { IMAGE_LIMITS } from './image-limits.js';
import type { ImageNotShown, ReportImage, ReportImages } from './report-image.js';

export interface ImageSources {
  /** The team's repository as the run left it (hostile: links and special files refused, sizes capped). */
  workspaceDir: string;
  /** The trace's `figure` events: the ones saved to a file in the repository are shown. */
  figures: readonly FigureEvent[];
  /** The run's folder the audit's screenshots are relative to, and the pages it audited. */
  runDir: string;
  pages: readonly PageAudit[];
  /** Cap on one figure file (`MSPR_MAX_IMAGE_MB`). */
  maxFileBytes: number;
}

const VECTOR = /\.(svg|svgz|pdf|eps|ps)$/i;

/**
 * The pictures the report shows: the figures the team's code saved, in the order it first saved them (each
 * file as its last save left it), then the audit's screenshots. Each is read without following links, capped,
 * and re-encoded as a thumbnail; what cannot be shown is listed with the reason, never silently left out.
 */
export async function collectReportImages(sources: ImageSources): Promise<ReportImages> {
  const shown: ReportImage[] = [];
  const notShown: ImageNotShown[] = [];
  let budget = IMAGE_LIMITS.maxTotalBase64;

  const add = async (kind: ReportImage['kind'], source: string, read: () => Buffer, facts: Pick<ReportImage, 'title' | 'xlabel' | 'ylabel' | 'location'>) => {
    let bytes: Buffer;
    try {
      bytes = read();
    } catch (error) {
      notShown.push({ kind, source, why: readFailure(error) });
      return;
    }
    // Loaded on the first picture: sharp brings libvips (~0.3 s), which a run without figures never needs.
    const { makeThumbnail } = await import('./make-thumbnail.js');
    const outcome = await makeThumbnail(bytes);
    if (!outcome.ok) {
      notShown.push({ kind, source, why: outcome.reason });
      return;
    }
    const base64 = outcome.thumbnail.data.toString('base64');
    if (base64.length > budget) {
      notShown.push({ kind, source, why: t('la place réservée aux images dans le rapport est prise', 'the room kept for pictures in the report is used up') });
      return;
    }
    budget -= base64.length;
    const { type, width, height, originalWidth, originalHeight } = outcome.thumbnail;
    shown.push({ kind, source, ...facts, type, width, height, originalWidth, originalHeight, base64 });
  };

  const saved = savedFigures(sources.figures);
  for (const { file, event } of saved.slice(0, IMAGE_LIMITS.maxFigures)) {
    if (VECTOR.test(file)) {
      notShown.push({ kind: 'figure', source: file, why: t('figure vectorielle (SVG, PDF, EPS) : seules les images PNG et JPEG sont montrées', 'vector figure (SVG, PDF, EPS): only PNG and JPEG images are shown') });
      continue;
    }
    await add('figure', file, () => readFileInside(sources.workspaceDir, file, { maxBytes: sources.maxFileBytes, kind: 'imageBytes' }, { links: 'none' }), figureFacts(event));
  }

  const extraFigures = saved.slice(IMAGE_LIMITS.maxFigures).map((figure) => figure.file);
  if (extraFigures.length > 0) notShown.push({ kind: 'figure', source: listed(extraFigures), why: tooMany(extraFigures.length, IMAGE_LIMITS.maxFigures, 'figure') });

  const pages = sources.pages.filter((page): page is PageAudit & { screenshot: string } => typeof page.screenshot === 'string');
  for (const page of pages.slice(0, IMAGE_LIMITS.maxScreenshots)) {
    // The browser wrote these files, but of the team's pages: read with the same care.
    await add('screenshot', page.url, () => readFileInside(sources.runDir, page.screenshot, { maxBytes: sources.maxFileBytes, kind: 'imageBytes' }, { links: 'none' }), { title: page.title ?? null });
  }
  const extraPages = pages.slice(IMAGE_LIMITS.maxScreenshots).map((page) => page.url);
  if (extraPages.length > 0) notShown.push({ kind: 'screenshot', source: listed(extraPages), why: tooMany(extraPages.length, IMAGE_LIMITS.maxScreenshots, 'screenshot') });
  return { shown, notShown };
}

/** The first few of a long list, then an ellipsis: a run that saved 5 000 figures gets one line, not 5 000. */
function listed(sources: string[]): string {
  return sources.length <= 5 ? sources.join(', ') : `${sources.slice(0, 5).join(', ')}, …`;
}

/** One entry per file saved inside the repository, in the order of first save, with its last save's facts. */
function savedFigures(events: readonly FigureEvent[]): Array<{ file: string; event: FigureEvent }> {
  const byFile = new Map<string, FigureEvent>();
  for (const event of events) {
    // Facts the static reader found in the code never saved anything; `$datasets/`, absolute paths and URLs are
    // outside the repository.
    if (event.observed === false || event.trigger !== 'savefig' || typeof event.file !== 'string') continue;
    const file = event.file;
    if (file === '' || file.startsWith('$') || file.startsWith('/') || file.includes('://')) continue;
    byFile.delete(file);
    byFile.set(file, event);
  }
  const firstSave = new Map<string, number>();
  events.forEach((event, index) => {
    if (typeof event.file === 'string' && byFile.has(event.file) && !firstSave.has(event.file)) firstSave.set(event.file, index);
  });
  return [...byFile.entries()].sort(([a], [b]) => firstSave.get(a)! - firstSave.get(b)!).map(([file, event]) => ({ file, event }));
}

/** The title and axes a jury reads beside the thumbnail: the suptitle, else the first titled axes; the labels of the first axes drawn on. */
function figureFacts(event: FigureEvent): Pick<ReportImage, 'title' | 'xlabel' | 'ylabel' | 'location'> {
  const axes = Array.isArray(event.axes) ? event.axes : [];
  const drawn = axes.find((a) => a.has_data) ?? axes[0];
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.slice(0, 200) : null);
  return {
    title: text(event.suptitle) ?? text(axes.find((a) => text(a.title))?.title),
    xlabel: text(drawn?.xlabel),
    ylabel: text(drawn?.ylabel),
    ...(event.site ? { location: event.site } : {}),
  };
}

function readFailure(error: unknown): Localized {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return t('le fichier n’existe plus après l’exécution', 'the file is gone after the run');
  if (error instanceof MsprError) return error.text;
  return t(`illisible : ${(error as Error).message}`, `unreadable: ${(error as Error).message}`);
}

function tooMany(count: number, max: number, kind: 'figure' | 'screenshot'): Localized {
  return kind === 'figure'
    ? t(`${countOf(count, 'fr', 'figure de plus', 'figures de plus')} que les ${max} montrées`, `${countOf(count, 'en', 'figure', 'figures')} past the ${max} shown`)
    : t(`${countOf(count, 'fr', 'capture de plus', 'captures de plus')} que les ${max} montrées`, `${countOf(count, 'en', 'screenshot', 'screenshots')} past the ${max} shown`);
}
