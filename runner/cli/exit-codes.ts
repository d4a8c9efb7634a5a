import type { RunReport } from '../../reports/report.js';

/** What CI can rely on: 0 every required check passed, 1 some did not, 2 the run itself could not be done. */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

export function exitCodeFor(report: RunReport): number {
  return EXIT[report.summary.status];
}
