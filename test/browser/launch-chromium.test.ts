import { describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../runner/browser/launch-chromium.js';
import { pagesToAudit } from '../../runner/browser/audit-pages.js';
import { browserAvailable } from '../helpers/browser.js';

describe('launchChromium', () => {
  it('says which browser it looked for and what to do when MSPR_CHROMIUM names no program', async () => {
    const env = { ...process.env, MSPR_CHROMIUM: '/nonexistent/chromium' };
    expect(findChromium(env)).toBeUndefined();
    const result = await launchChromium(env);
    expect(result).toMatchObject({ unavailable: true, reason: { en: 'No browser found (looked for: MSPR_CHROMIUM=/nonexistent/chromium).' } });
    expect('unavailable' in result && result.fix.fr).toContain('apt-get install -y chromium');
  });

  it('finds no browser on an empty PATH', () => {
    expect(findChromium({ PATH: '/nonexistent' })).toBeUndefined();
  });

  it.skipIf(!browserAvailable())('renders a page in Debian’s Chromium and closes, leaving no profile behind', async () => {
    const launched = await launchChromium();
    if ('unavailable' in launched) throw new Error(launched.reason.en);
    try {
      const page = await launched.browser.newPage();
      await page.setContent('<html lang="fr"><head><title>Essai</title></head><body><h1>Bonjour</h1></body></html>');
      expect(await page.$eval('h1', (node) => node.textContent)).toBe('Bonjour');
      expect(await page.title()).toBe('Essai');
    } finally {
      await launched.close();
    }
  }, 120_000);
});

describe('pagesToAudit', () => {
  it('leaves out FastAPI’s generated pages and repeats, keeps the team’s pages in order', () => {
    const app = 'http://10.88.0.2:8000';
    expect(pagesToAudit([`${app}/`, `${app}/docs`, `${app}/redoc`, `${app}/docs/oauth2-redirect`, `${app}/predict-form`, `${app}/#haut`, `${app}/documentation`, 'not a url'])).toEqual([`${app}/`, `${app}/predict-form`, `${app}/documentation`]);
  });
});
