import { rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { detectLang, type Lang, type Localized, t } from '../i18n.js';
import { formatNumber } from '../i18n/format.js';
import { DirectoryError, makeDirectory } from '../output/make-directory.js';
import { type DoctorLine, line } from './doctor-line.js';
import { BROWSER_NAMES } from '../browser/launch-chromium.js';
import { codeReason } from './failure-reason.js';

/** Below this, a run (copy of the repository, venv, databases, trace) may not fit. */
const MIN_FREE_BYTES = 1024 ** 3;
const BROWSERS = BROWSER_NAMES;

/**
 * The work dir exists or can be made, takes a write, and has room; required (every run makes a folder there).
 * `minFreeBytes` is the room asked for (a test asks for more than any disk has).
 */
export function probeWorkDir(path: string, minFreeBytes = MIN_FREE_BYTES): DoctorLine {
  const workRoot = resolve(path);
  const label = t('Dossier de travail', 'Work folder');
  const need = t('accueillir chaque passage : copie du dépôt, environnement, trace', 'holding each run: copy of the repository, environment, trace');
  // The other folder's placeholder is a word: it goes in the note, in each language.
  const fix = [`mkdir -p ${workRoot}`];
  const fixNote = t(
    'ou un dossier sur un disque qui a de la place : « export MSPR_WORK_DIR=<dossier> » ou « mspr-lab doctor --work-dir <dossier> »',
    'or a folder on a disk with room: “export MSPR_WORK_DIR=<folder>” or “mspr-lab doctor --work-dir <folder>”',
  );
  try {
    // Not mkdirSync(recursive): it never returns on a missing path under /proc (Node 20).
    makeDirectory(workRoot);
    const probe = join(workRoot, `.doctor-${process.pid}`);
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
    const stats = statfsSync(workRoot);
    const free = stats.bavail * stats.bsize;
    const gib = (bytes: number, lang: Lang) => formatNumber(bytes / 1024 ** 3, lang, { maxDigits: 1, group: true });
    const ok = free >= minFreeBytes;
    const summary = ok
      ? t(`${workRoot} : ${gib(free, 'fr')} Gio libres`, `${workRoot}: ${gib(free, 'en')} GiB free`)
      : t(`${workRoot} : ${gib(free, 'fr')} Gio libres, il en faut au moins ${gib(minFreeBytes, 'fr')}`, `${workRoot}: ${gib(free, 'en')} GiB free, at least ${gib(minFreeBytes, 'en')} is needed`);
    return line({ id: 'work-dir', label, required: true, ok, summary, need, fix, fixNote });
  } catch (error) {
    // A code in words (`un fichier est sur le chemin, /tmp/a (ENOTDIR)`), naming where it happened when not the work root.
    const code = error instanceof DirectoryError ? error.reason : ((error as NodeJS.ErrnoException).code ?? 'EIO');
    const at = error instanceof DirectoryError && error.path !== workRoot ? error.path : undefined;
    const reason = codeReason(code, at) ?? t(at ? `${at} (${code})` : code, at ? `${at} (${code})` : code);
    return line({ id: 'work-dir', label, required: true, ok: false, summary: t(`${workRoot} n’est pas accessible en écriture : ${reason.fr}`, `${workRoot} cannot be written: ${reason.en}`), need, fix, fixNote });
  }
}

/** Chromium (or Chrome) for the accessibility and print checks of the HTML report; `MSPR_CHROMIUM` names one. */
export async function probeBrowser(env: NodeJS.ProcessEnv = process.env): Promise<DoctorLine> {
  const candidates = env.MSPR_CHROMIUM ? [env.MSPR_CHROMIUM] : BROWSERS;
  let broken: Localized | undefined;
  for (const browser of candidates) {
    const result = await execa(browser, ['--version'], { reject: false, timeout: 20_000, env: { ...env, CHROME_DEVEL_SANDBOX: '' } });
    // One that is there but fails (a missing library) is not "not found": its own last words say why, quoted.
    if ((result as { code?: string }).code !== 'ENOENT' && result.exitCode !== 0 && !broken) {
      const said = result.stderr.trim().split('\n').at(-1)?.slice(0, 200) ?? '';
      const status = result.exitCode ?? result.signal ?? (result as { code?: string }).code ?? '?';
      broken = said
        ? t(`${browser} ne démarre pas (code ${status}) : « ${said} »`, `${browser} does not start (code ${status}): “${said}”`)
        : t(`${browser} ne démarre pas (code ${status})`, `${browser} does not start (code ${status})`);
    }
    if (result.exitCode === 0 && result.stdout.trim()) {
      // `Chromium 131.0… built on Debian GNU/Linux 12`: the name and number are the fact; the rest is the vendor's prose.
      const version = result.stdout.trim().split("\n")[0]!.replace(/ built on .*$/, "");
      return line({ id: 'browser', label: t('Navigateur', 'Browser'), required: false, ok: true, summary: t(`${browser} : ${version}`, `${browser}: ${version}`), need: browserNeed });
    }
  }
  const looked = candidates.join(', ');
  return line({
    id: 'browser',
    label: t('Navigateur', 'Browser'),
    required: false,
    ok: false,
    summary: broken ?? t(`introuvable (cherché : ${looked})`, `not found (looked for: ${looked})`),
    need: browserNeed,
    fix: ['sudo apt-get install -y chromium'],
    fixNote: t('ou un Chromium installé ailleurs : « export MSPR_CHROMIUM=<chemin> »', 'or a Chromium installed elsewhere: “export MSPR_CHROMIUM=<path>”'),
  });
}

const browserNeed = t('vérifier l’accessibilité et l’impression des rapports HTML', 'checking the accessibility and printing of HTML reports');

/** The language messages take from the locale, and whether text is UTF-8 (accents in French output and data). */
export function probeLocale(env: NodeJS.ProcessEnv = process.env): DoctorLine {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const utf8 = /utf-?8/i.test(locale);
  const lang = detectLang(env) === 'fr' ? t('français', 'French') : t('anglais', 'English');
  const shown = { fr: locale || '(aucune)', en: locale || '(none)' };
  return line({
    id: 'locale',
    label: t('Langue et encodage', 'Locale'),
    required: false,
    ok: utf8,
    summary: utf8
      ? t(`${shown.fr} : messages en ${lang.fr}, UTF-8`, `${shown.en}: messages in ${lang.en}, UTF-8`)
      : t(`${shown.fr} : messages en ${lang.fr}, encodage autre que UTF-8`, `${shown.en}: messages in ${lang.en}, an encoding other than UTF-8`),
    need: t('afficher les accents ; une locale fr_* donne les messages en français (ou --lang fr)', 'showing accents; an fr_* locale gives French messages (or --lang fr)'),
    fix: ['export LANG=fr_FR.UTF-8'],
    fixNote: t(
      'ou C.UTF-8 ; si la locale manque (Debian) : « sudo apt-get install -y locales && sudo dpkg-reconfigure locales »',
      'or C.UTF-8; if the locale is missing (Debian): “sudo apt-get install -y locales && sudo dpkg-reconfigure locales”',
    ),
  });
}
