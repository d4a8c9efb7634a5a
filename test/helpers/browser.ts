import { findChromium } from '../../runner/browser/launch-chromium.js';

/**
 * Whether this machine has a browser for the tests that render pages (accessibility, report print). CI installs
 * Debian's Chromium (`.ci/run`): there, its absence is a failure, elsewhere those suites skip, saying why.
 */
export function browserAvailable(): boolean {
  const found = findChromium() !== undefined;
  if (!found && process.env.MSPR_CI === '1') throw new Error('No Chromium under MSPR_CI=1: .ci/run must install Debian’s chromium');
  return found;
}
