import type { Lang } from '../runner/i18n.js';
import type { RunReport } from './report.js';

/** A named, pure rendering of the canonical report (vitest-reporter style): no disk, no network. */
export interface Renderer {
  name: string;
  /** File name suffix: reports are written as `report.<extension>` (`report.junit.xml`). */
  extension: string;
  render(report: RunReport, lang: Lang): string;
}
