import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { MsprError } from '../../errors.js';
import { t } from '../../i18n.js';

const run = promisify(execFile);

/**
 * The version apt would install for each package, from the host's apt lists (the same sources the image's
 * chroot uses). These versions enter the image's content tag: a point release or security update of any
 * listed package yields a new tag, hence a rebuild; nothing changed, no rebuild. Dependencies are not
 * listed, so an update of only a dependency waits for the next change of a listed package (or `--force`).
 */
export async function candidateVersions(packages: string[]): Promise<Record<string, string>> {
  let stdout: string;
  try {
    ({ stdout } = await run('apt-cache', ['policy', ...packages], { env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 16 * 2 ** 20 }));
  } catch (error) {
    throw new MsprError('MSPR_SANDBOX_UNAVAILABLE', t('apt-cache est introuvable : les images se construisent sur une machine Debian.', 'apt-cache not found: images are built on a Debian machine.'), {
      cause: error,
      hint: t(
        'Construisez les images sur une machine Debian (ou Ubuntu), ou depuis un Dockerfile avec `mspr-lab images build --dockerfile <fichier>`.',
        'Build the images on a Debian (or Ubuntu) machine, or from a Dockerfile with `mspr-lab images build --dockerfile <file>`.',
      ),
    });
  }
  const versions = parsePolicy(stdout);
  const missing = packages.filter((p) => !versions[p]);
  if (missing.length > 0) {
    throw new MsprError('MSPR_SANDBOX_UNAVAILABLE', t('Paquets Debian introuvables dans les sources apt.', 'Debian packages not found in the apt sources.'), {
      details: missing,
      hint: t('Lancez `apt-get update` (listes absentes ou périmées), puis recommencez.', 'Run `apt-get update` (lists missing or stale), then try again.'),
    });
  }
  return versions;
}

/** `apt-cache policy` output: a `name:` line, then `  Candidate: <version>` (or `(none)`). */
export function parsePolicy(text: string): Record<string, string> {
  const versions: Record<string, string> = {};
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const head = /^(\S+):$/.exec(line);
    if (head) {
      current = head[1];
      continue;
    }
    const candidate = /^\s+Candidate:\s*(\S+)/.exec(line);
    if (candidate && current && candidate[1] !== '(none)') versions[current] = candidate[1]!;
  }
  return versions;
}
