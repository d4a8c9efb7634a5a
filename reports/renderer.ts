import type { Lang } from '../runner/i18n.js';
import type { RunReport } from './report.js';
import type { RenderContext } from './source-links.js';

/** A named, pure rendering of the canonical report (vitest-reporter style): no disk, no network. */
export interface Renderer {
  name: string;
  /** File name suffix: reports are written as `report.<extension>` (`report.junit.xml`). */
  extension: string;
  /** `context` says what the writer knows of where the output goes (links into a folder source). */
  render(report: RunReport, lang: Lang, context?: RenderContext): string;
}
