import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { firstLineOf } from '../errors.js';
import { t } from '../i18n.js';
import { launchChromium } from './launch-chromium.js';
import { startRefusingProxy } from './refusing-proxy.js';
import { AUDIT_TAGS, type AccessibilityEvidence, type Impact, type PageAudit, type PageViolation } from './page-audit.js';

/** Caps on what a hostile page can make the audit keep or wait for. */
const LIMITS = { pages: 12, nodesPerRule: 5, htmlChars: 240, summaryChars: 300, loadMs: 30_000, settleMs: 10_000, axeMs: 60_000 };
/** The viewport of the audit and of the report's screenshots: a laptop screen. */
const VIEWPORT = { width: 1280, height: 800 };

export interface AuditOptions {
  /** Where screenshots are written (grader-owned, never the candidate's workspace). */
  screenshotsDir: string;
  /** Screenshot paths in the evidence are relative to this folder (the run's evidence folder). */
  relativeTo: string;
  env?: NodeJS.ProcessEnv;
}

/** The pages of the team's own: FastAPI's generated documentation pages are not, nor the same page twice. */
export function pagesToAudit(urls: readonly string[]): string[] {
  const generated = /^\/(docs|redoc)(\/|$)|^\/openapi\.json$/;
  const seen = new Set<string>();
  return urls.filter((url) => {
    const key = url.replace(/#.*$/, '');
    if (seen.has(key)) return false;
    seen.add(key);
    try {
      return !generated.test(new URL(url).pathname);
    } catch {
      return false;
    }
  });
}

/**
 * Audits the team's HTML pages with axe-core in headless Chromium, at WCAG 2.1 A/AA, and keeps a screenshot of
 * each. The pages are the candidate's code: every request to another origin than the page's own is refused (the
 * browser runs on the grading host and must reach nothing of it but the app), dialogs are dismissed, popups
 * closed, and each page has a time limit.
 */
export async function auditPages(urls: readonly string[], options: AuditOptions): Promise<AccessibilityEvidence> {
  const hosts = hostsOf(urls);
  const launched = await launchChromium(options.env, { confineTo: hosts });
  if ('unavailable' in launched) return { audited: false, reason: launched.reason, fix: launched.fix };
  const axeSource = readFileSync(axeScriptPath(), 'utf8');
  mkdirSync(options.screenshotsDir, { recursive: true });
  const pages: PageAudit[] = [];
  try {
    for (const [index, url] of urls.slice(0, LIMITS.pages).entries()) {
      // Each page in its own browser context with its own refusing proxy: what one page opened (a late WebSocket,
      // a preconnect) is counted on that page and no other, and no cookie or cache passes from page to page.
      const proxy = await startRefusingProxy();
      const context = await launched.browser.createBrowserContext({ proxyServer: `http://${proxy.address}`, proxyBypassList: ['<-loopback>', ...hosts] });
      try {
        const page = await context.newPage();
        const screenshotPath = join(options.screenshotsDir, `page-${index + 1}.png`);
        const audit = await auditOne(page, url, axeSource, screenshotPath, options.relativeTo);
        await context.close().catch(() => undefined);
        pages.push(withProxyRefusals(audit, proxy.refused()));
      } finally {
        await context.close().catch(() => undefined);
        await proxy.close();
      }
    }
  } finally {
    await launched.close();
  }
  return { audited: true, browser: launched.executable, axeVersion: axeVersion(), pages };
}

/** The `host:port` of each page's app, for the browser's confinement (one app, usually one entry). */
function hostsOf(urls: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const url of urls) {
    try {
      const parsed = new URL(url);
      hosts.add(`${parsed.hostname}:${parsed.port || (parsed.protocol === 'https:' ? '443' : '80')}`);
    } catch {
      // not a URL: nothing to allow
    }
  }
  return [...hosts];
}

/**
 * Chromium's own calls (sign-in and autofill for each new context, component updates) still start despite the
 * flags; they are refused like the rest but are not the page's doing, so they stay out of the page's evidence. The
 * page's own requests to those hosts (Google Fonts) are intercepted before the proxy and kept.
 */
const BROWSER_OWN_HOST = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*(?:google\.com|googleapis\.com|gstatic\.com|gvt1\.com)(?::\d+)?$/;

/** Connections the page opened outside request interception's view (WebSocket, worker, popup…), refused by the proxy. */
function withProxyRefusals(audit: PageAudit, allRefused: readonly string[]): PageAudit {
  const refused = allRefused.filter((target) => !BROWSER_OWN_HOST.test(target));
  if (refused.length === 0) return audit;
  const origins = new Set([...audit.blockedOrigins, ...refused.map((target) => target.slice(0, 120))]);
  return { ...audit, blockedRequests: audit.blockedRequests + refused.length, blockedOrigins: [...origins].sort().slice(0, 5) };
}

async function auditOne(page: Page, url: string, axeSource: string, screenshotPath: string, relativeTo: string): Promise<PageAudit> {
  const origin = new URL(url).origin;
  let blockedRequests = 0;
  const blockedOrigins = new Set<string>();
  let navigatedAway: string | undefined;
  await page.setViewport(VIEWPORT);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    if (sameOrigin(request.url(), origin)) void request.continue();
    else {
      blockedRequests += 1;
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigatedAway ??= request.url();
      if (blockedOrigins.size < 5) blockedOrigins.add(originOf(request.url()));
      void request.abort('blockedbyclient');
    }
  });
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
  page.on('popup', (popup) => void popup?.close().catch(() => undefined));

  const base = { url, violations: [] };
  const blocked = () => ({ blockedRequests, blockedOrigins: [...blockedOrigins].sort() });
  let status: number | undefined;
  try {
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LIMITS.loadMs });
    status = response?.status();
    // Styles and images change what axe sees (contrast, alt text), but a resource the app never answers must not
    // keep the audit waiting: a short wait for the network to settle, then the page as it is.
    await page.waitForNetworkIdle({ idleTime: 300, timeout: LIMITS.settleMs }).catch(() => undefined);
  } catch (error) {
    return { ...base, ...blocked(), error: t(`La page ne s’est pas chargée en ${LIMITS.loadMs / 1000} s : ${firstLineOf(error)}`, `The page did not load within ${LIMITS.loadMs / 1000} s: ${firstLineOf(error)}`) };
  }
  // The page's own script may have sent it elsewhere (refused above, leaving Chromium's error page): audit only
  // what the app itself serves.
  if (!sameOrigin(page.url(), origin)) {
    const target = clip(navigatedAway ?? page.url(), 200);
    return { ...base, status, ...blocked(), error: t(`La page a voulu quitter l’application (vers ${target}) : l’audit ne suit pas.`, `The page tried to leave the app (to ${target}): the audit does not follow.`) };
  }
  const screenshot = await page
    .screenshot({ path: screenshotPath, type: 'png' })
    .then(() => relative(relativeTo, screenshotPath))
    .catch(() => undefined);
  try {
    await page.addScriptTag({ content: axeSource });
    const result = await withTimeout(page.evaluate(runAxe, [...AUDIT_TAGS]), LIMITS.axeMs);
    return { url, status, title: clip(result.title, 200), lang: clip(result.lang, 40), violations: result.violations.map(capViolation), ...blocked(), screenshot };
  } catch (error) {
    return { ...base, status, ...blocked(), screenshot, error: t(`L’audit n’a pas abouti : ${firstLineOf(error)}`, `The audit did not finish: ${firstLineOf(error)}`) };
  }
}

interface RawViolation {
  id: string;
  impact: Impact | null;
  help: string;
  tags: string[];
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** Runs in the page: axe-core on the whole document, violations only. */
async function runAxe(tags: string[]): Promise<{ title: string; lang: string; violations: RawViolation[] }> {
  const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: RawViolation[] }> } }).axe;
  const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return { title: document.title, lang: document.documentElement.getAttribute('lang') ?? '', violations: result.violations };
}

function capViolation(raw: RawViolation): PageViolation {
  return {
    rule: clip(String(raw.id), 80),
    impact: raw.impact,
    help: clip(String(raw.help), 200),
    wcag: raw.tags.filter((tag) => /^wcag\d{3,}$/.test(tag)),
    count: raw.nodes.length,
    nodes: raw.nodes.slice(0, LIMITS.nodesPerRule).map((node) => ({
      selector: clip(node.target.map(String).join(' '), 200),
      html: clip(node.html, LIMITS.htmlChars),
      ...(node.failureSummary ? { summary: clip(node.failureSummary, LIMITS.summaryChars) } : {}),
    })),
  };
}

function sameOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url === 'about:blank') return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

function originOf(url: string): string {
  try {
    return clip(new URL(url).origin, 120);
  } catch {
    return clip(url, 120);
  }
}

function axeScriptPath(): string {
  return createRequire(import.meta.url).resolve('axe-core/axe.min.js');
}

function axeVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('axe-core/package.json') as { version: string }).version;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}


function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
