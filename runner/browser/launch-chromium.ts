import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { accessSync, constants } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { t, type Localized } from '../i18n.js';
import { type RefusingProxy, startRefusingProxy } from './refusing-proxy.js';

/** Browsers looked for on the PATH, in this order, when `MSPR_CHROMIUM` does not name one. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/**
 * Flags for a headless Chromium on a closed machine, often as root: without the background-networking ones,
 * Chromium keeps opening connections the network refuses (updates, sync, Google lookups); `--no-sandbox` because
 * Chromium's own sandbox cannot start as root. The pages it opens are the team's app or our own report.
 */
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--mute-audio',
];

/** A started browser, with its own empty profile folder removed on close. */
export interface LaunchedBrowser {
  browser: Browser;
  executable: string;
  /** What the confined browser tried to reach outside its allowed hosts, refused (empty when not confined). */
  refused(): readonly string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * `host:port` the pages may connect to (the team's app). When set, every other connection goes to a proxy that
   * refuses it, loopback included, and WebRTC may use no UDP of its own: the browser runs on the grading host and
   * the page is the candidate's code.
   */
  confineTo?: readonly string[];
}

/** No browser could be found or started: the cause and what to do, for an `error` verdict or a skipped test. */
export interface BrowserUnavailable {
  unavailable: true;
  reason: Localized;
  fix: Localized;
}

/** The browser `MSPR_CHROMIUM` names, else the first of {@link BROWSER_NAMES} on the PATH; undefined if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.MSPR_CHROMIUM) return isExecutable(env.MSPR_CHROMIUM) ? env.MSPR_CHROMIUM : undefined;
  for (const folder of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of BROWSER_NAMES) {
      const candidate = join(folder, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Starts headless Chromium through puppeteer-core (never a downloaded browser), or says why it cannot. */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env, options: LaunchOptions = {}): Promise<LaunchedBrowser | BrowserUnavailable> {
  const executable = findChromium(env);
  const fix = t(
    'Installez Chromium (sudo apt-get install -y chromium) ou donnez son chemin dans MSPR_CHROMIUM, puis relancez ; `mspr-lab doctor` vérifie.',
    'Install Chromium (sudo apt-get install -y chromium) or give its path in MSPR_CHROMIUM, then run again; `mspr-lab doctor` checks.',
  );
  if (!executable) {
    const looked = env.MSPR_CHROMIUM ? `MSPR_CHROMIUM=${env.MSPR_CHROMIUM}` : BROWSER_NAMES.join(', ');
    return { unavailable: true, reason: t(`Aucun navigateur trouvé (cherché : ${looked}).`, `No browser found (looked for: ${looked}).`), fix };
  }
  const profile = mkdtempSync(join(tmpdir(), 'mspr-chromium-'));
  const proxy = options.confineTo ? await startRefusingProxy() : undefined;
  try {
    const args = proxy ? [...CHROMIUM_FLAGS, ...confinementFlags(proxy, options.confineTo!)] : CHROMIUM_FLAGS;
    const browser = await puppeteer.launch({ executablePath: executable, args, userDataDir: profile, headless: true, timeout: 60_000 });
    return {
      browser,
      executable,
      refused: () => proxy?.refused() ?? [],
      async close() {
        await browser.close().catch(() => undefined);
        await proxy?.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await proxy?.close();
    rmSync(profile, { recursive: true, force: true });
    const cause = (error as Error).message.split('\n')[0];
    return { unavailable: true, reason: t(`${executable} n’a pas démarré : ${cause}`, `${executable} did not start: ${cause}`), fix };
  }
}

/**
 * Every connection through the refusing proxy but the allowed hosts'. `<-loopback>` first: Chromium otherwise never
 * proxies loopback, where the host's databases and the Docker API listen. WebRTC's own UDP is forbidden (it would
 * not go through a proxy) and QUIC is off already.
 */
function confinementFlags(proxy: RefusingProxy, allowed: readonly string[]): string[] {
  return [
    `--proxy-server=http://${proxy.address}`,
    `--proxy-bypass-list=${['<-loopback>', ...allowed].join(';')}`,
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  ];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
