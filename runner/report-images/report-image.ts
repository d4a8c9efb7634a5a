import type { CodeLocation } from '../../checks/verdict.js';
import type { Localized } from '../i18n.js';

/** The only media types the report embeds: the thumbnails are re-encoded by the grader as one of these. */
export type ThumbnailType = 'image/png' | 'image/jpeg';

/**
 * A picture the report shows: a figure the team's code saved (`savefig`), or the screenshot the accessibility
 * audit took of one of the team's pages. Never the candidate's bytes: the grader decodes the file and keeps a
 * re-encoded thumbnail (pixels only, no metadata), embedded so the report stays one self-contained file.
 */
export interface ReportImage {
  kind: 'figure' | 'screenshot';
  /** Figure: the file as saved, relative to the repository. Screenshot: the page's URL. */
  source: string;
  /** Figure: its title (suptitle, else the first axes' title). Screenshot: the page's `<title>`. */
  title: string | null;
  /** Figure: the axis labels of its first axes holding data, as the trace saw them. */
  xlabel?: string | null;
  ylabel?: string | null;
  /** Figure: the `savefig` call. */
  location?: CodeLocation;
  type: ThumbnailType;
  /** The thumbnail's size in pixels, and the original's. */
  width: number;
  height: number;
  originalWidth: number;
  originalHeight: number;
  /** The thumbnail, base64. Never masked by the redactor (report `base64` fields are structural). */
  base64: string;
}

/** A picture the report could not show, and why (`why`: too large, not PNG/JPEG, a link, unreadable…). */
export interface ImageNotShown {
  kind: ReportImage['kind'];
  source: string;
  why: Localized;
}

export interface ReportImages {
  shown: ReportImage[];
  notShown: ImageNotShown[];
}
