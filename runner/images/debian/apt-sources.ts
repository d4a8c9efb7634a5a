import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MsprError } from '../../errors.js';
import { t } from '../../i18n.js';

/** One `deb` source of the host's apt configuration. */
export interface AptSource {
  uris: string[];
  suites: string[];
  components: string[];
  signedBy?: string;
}

/** Where images are built from: the host's own Debian archive, so exam rooms with a local mirror just work. */
export interface DebianArchive {
  /** Release codename (`bookworm`). */
  suite: string;
  /** The URI debootstrap fetches the base system from. */
  mirror: string;
  /** Keyring that signs that archive, if the sources name one. */
  keyring?: string;
  /** The deb822 sources installed in the image's chroot, so point releases and security updates apply. */
  sourcesText: string;
}

/** Debian's own archive areas; third-party repositories use others (Docker's `stable`, NodeSource's `main`
 * under their own suite name). */
const DEBIAN_COMPONENTS = new Set(['main', 'contrib', 'non-free', 'non-free-firmware']);

/**
 * Reads the host's apt sources (deb822 `*.sources` and one-line `*.list`) and keeps those of the host's
 * Debian release (`bookworm`, `bookworm-updates`, `bookworm-security`) and Debian's archive areas:
 * third-party repositories (Docker's, NodeSource…) have no place in a candidate image.
 */
export function readDebianArchive(etc = '/etc', suite = osCodename(etc)): DebianArchive {
  const sources = readAptSources(etc).filter(
    (s) => s.suites.some((x) => x === suite || x.startsWith(`${suite}-`)) && s.components.every((c) => DEBIAN_COMPONENTS.has(c)),
  );
  const main = sources.find((s) => s.suites.includes(suite));
  if (!main?.uris[0]) {
    throw new MsprError('MSPR_SANDBOX_UNAVAILABLE', t(`Aucune source apt pour Debian ${suite} sur cette machine.`, `No apt source for Debian ${suite} on this machine.`), {
      hint: t(
        'Les images se construisent depuis les paquets Debian : configurez une source apt (miroir local en salle d’examen), ou construisez depuis un Dockerfile avec `mspr-lab images build --dockerfile <fichier>` là où un registre est joignable.',
        'Images are built from Debian packages: configure an apt source (a local mirror in exam rooms), or build from a Dockerfile with `mspr-lab images build --dockerfile <file>` where a registry is reachable.',
      ),
    });
  }
  const sourcesText = sources
    .map((s) =>
      [`Types: deb`, `URIs: ${s.uris.join(' ')}`, `Suites: ${s.suites.join(' ')}`, `Components: ${s.components.join(' ')}`]
        .concat(s.signedBy ? [`Signed-By: ${s.signedBy}`] : [])
        .join('\n'),
    )
    .join('\n\n');
  return { suite, mirror: main.uris[0], keyring: main.signedBy, sourcesText: `${sourcesText}\n` };
}

export function osCodename(etc = '/etc'): string {
  const text = existsSync(join(etc, 'os-release')) ? readFileSync(join(etc, 'os-release'), 'utf8') : '';
  const codename = /^VERSION_CODENAME=["']?([a-z]+)/m.exec(text)?.[1];
  return codename ?? 'bookworm';
}

export function readAptSources(etc = '/etc'): AptSource[] {
  const found: AptSource[] = [];
  const dir = join(etc, 'apt', 'sources.list.d');
  const files = [join(etc, 'apt', 'sources.list'), ...(existsSync(dir) ? readdirSync(dir).sort().map((f) => join(dir, f)) : [])];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.sources')) found.push(...parseDeb822(text));
    else if (file.endsWith('.list')) found.push(...parseOneLine(text));
  }
  return found;
}

/** deb822 stanzas are separated by blank lines; `#` lines are comments; keys are case-insensitive. */
export function parseDeb822(text: string): AptSource[] {
  return text
    .split(/\n\s*\n/)
    .map((stanza) => {
      const fields = new Map<string, string>();
      for (const line of stanza.split('\n')) {
        const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (match && !line.startsWith('#')) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
      }
      return fields;
    })
    .filter((f) => f.get('types')?.split(/\s+/).includes('deb') && f.get('enabled') !== 'no')
    .map((f) => ({
      uris: words(f.get('uris')),
      suites: words(f.get('suites')),
      components: words(f.get('components')),
      signedBy: f.get('signed-by') || undefined,
    }));
}

/** `deb [signed-by=/k.gpg] http://mirror/debian bookworm main` */
export function parseOneLine(text: string): AptSource[] {
  const out: AptSource[] = [];
  for (const raw of text.split('\n')) {
    const match = /^\s*deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(raw);
    if (!match) continue;
    const signedBy = /signed-by=(\S+)/.exec(match[1] ?? '')?.[1];
    out.push({ uris: [match[2]!], suites: [match[3]!], components: words(match[4]), signedBy });
  }
  return out;
}

function words(value: string | undefined): string[] {
  return value ? value.split(/\s+/).filter(Boolean) : [];
}
