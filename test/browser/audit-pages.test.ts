import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import check from '../../checks/http/accessible.js';
import { evaluateCheck } from '../../checks/tester.js';
import { auditPages } from '../../runner/browser/audit-pages.js';
import type { AccessibilityEvidence } from '../../runner/browser/page-audit.js';
import { browserAvailable } from '../helpers/browser.js';

// The pages a team's Flask or FastAPI app renders, served as they are from a real HTTP server on loopback: the audit
// only sees HTML, CSS and scripts over HTTP, whatever produced them (the serve stage's end-to-end tests run real apps).
const PAGES = join(import.meta.dirname, '../fixtures/pages');

describe.skipIf(!browserAvailable())('auditPages: axe-core in Debian’s Chromium on the team’s pages', () => {
  let server: Server;
  let base: string;
  let folder: string;
  let audit: AccessibilityEvidence;
  const requested: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      const name = (request.url ?? '/').replace(/^\/+/, '') || 'formulaire-accessible.html';
      try {
        const body = readFileSync(join(PAGES, name.replace(/[^a-z.-]/g, '')));
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('introuvable');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    folder = mkdtempSync(join(tmpdir(), 'mspr-audit-'));
    audit = await auditPages(
      ['formulaire-accessible.html', 'formulaire-inaccessible.html', 'externe.html', 'redirige.html'].map((page) => `${base}/${page}`),
      { screenshotsDir: join(folder, 'screenshots'), relativeTo: folder },
    );
  }, 240_000);

  afterAll(() => {
    server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const page = (name: string) => {
    if (!audit.audited) throw new Error(audit.reason.en);
    return audit.pages.find((entry) => entry.url.endsWith(name))!;
  };

  it('finds no violation on a labelled, contrasted French form, and keeps its screenshot as a PNG', () => {
    const accessible = page('formulaire-accessible.html');
    expect(accessible).toMatchObject({ status: 200, title: 'Prédiction du prix d’un logement'.replace('’', "'"), lang: 'fr', violations: [], blockedRequests: 0, blockedOrigins: [], screenshot: 'screenshots/page-1.png' });
    expect(readFileSync(join(folder, 'screenshots/page-1.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('names each broken rule with its impact and the elements: fields without label, low contrast, no lang, image without alt', () => {
    const rules = Object.fromEntries(page('formulaire-inaccessible.html').violations.map((violation) => [violation.rule, violation]));
    expect(Object.keys(rules).sort()).toEqual(['color-contrast', 'html-has-lang', 'image-alt', 'label']);
    expect(rules.label).toMatchObject({ impact: 'critical', count: 2, nodes: [{ selector: '#surface' }, { selector: '#pieces' }] });
    expect(rules['color-contrast']).toMatchObject({ impact: 'serious', count: 1, nodes: [{ selector: 'p', html: '<p class="aide">Remplissez les deux champs puis validez.</p>' }] });
    expect(rules['color-contrast']!.wcag).toContain('wcag143');
    expect(rules['image-alt']).toMatchObject({ impact: 'critical', nodes: [{ selector: 'img', html: '<img src="/static/logo.png">' }] });
  });

  it('refuses every request to another host than the app’s, and a script’s navigation away', () => {
    const external = page('externe.html');
    expect(external).toMatchObject({ status: 200, violations: [], blockedOrigins: ['http://127.0.0.2:9', 'https://cdn.example.invalid'] });
    expect(external.blockedRequests).toBeGreaterThanOrEqual(2);
    const redirect = page('redirige.html');
    expect(redirect.blockedOrigins).toEqual(['http://127.0.0.2:9']);
    expect(redirect.error?.fr).toBe('La page a voulu quitter l’application (vers http://127.0.0.2:9/ailleurs) : l’audit ne suit pas.');
    // Nothing but the four pages, the inaccessible page's logo and the browser's favicon was asked of the server.
    expect([...new Set(requested)].sort()).toEqual(['/externe.html', '/favicon.ico', '/formulaire-accessible.html', '/formulaire-inaccessible.html', '/redirige.html', '/static/logo.png']);
  });

  it('gives http/accessible a fail that names the rules and selectors, from the real audit', async () => {
    const verdict = await evaluateCheck(check, { evidence: { accessibility: audit } });
    expect(verdict.status).toBe('fail');
    expect(verdict.messageKey).toBe('violations');
    expect(verdict.message.fr).toContain(`\`label\` (critique, 2 éléments : #surface, #pieces) sur ${base}/formulaire-inaccessible.html`);
    expect(verdict.message.en).toContain(`\`color-contrast\` (serious, 1 element: p) on ${base}/formulaire-inaccessible.html`);
    expect(verdict.evidence.map((fact) => [fact.subject.replace(base, ''), fact.actual])).toEqual([
      ['/formulaire-accessible.html', 0],
      ['/formulaire-inaccessible.html', 5],
      ['/externe.html', 0],
      ['/redirige.html', null],
    ]);
  });

  it('passes http/accessible on the accessible pages alone', async () => {
    if (!audit.audited) throw new Error(audit.reason.en);
    const verdict = await evaluateCheck(check, { evidence: { accessibility: { ...audit, pages: [page('formulaire-accessible.html'), page('externe.html')] } } });
    expect(verdict).toMatchObject({ status: 'pass', messageKey: 'pass' });
    expect(verdict.message.fr).toBe(`Aucune violation WCAG 2.1 A/AA trouvée par axe-core ${audit.axeVersion} sur les pages auditées : ${base}/formulaire-accessible.html, ${base}/externe.html.`);
  });
});
