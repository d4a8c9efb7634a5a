import { execa } from 'execa';
import { firstLineOf } from '../errors.js';
import { t } from '../i18n.js';
import { type DoctorLine, line } from './doctor-line.js';

/**
 * What runs inside mspr-lab itself: Node, the native modules (better-sqlite3 reads SQLite databases,
 * nodejs-polars the data files; both must have built or downloaded their binary at install time) and git.
 */
export async function probeRuntime(): Promise<DoctorLine[]> {
  return [nodeLine(process.versions.node), await nativeModules(), await probeGit()];
}

/** Exported for its tests: an older Node than the one mspr-lab needs. */
export function nodeLine(node: string): DoctorLine {
  const [major = 0, minor = 0] = node.split('.').map(Number);
  const nodeOk = major > 20 || (major === 20 && minor >= 11);
  return line({
    id: 'node',
    label: t('Node.js', 'Node.js'),
    required: true,
    ok: nodeOk,
    summary: nodeOk ? t(node, node) : t(`${node} : il faut 20.11 ou plus`, `${node}: 20.11 or later is needed`),
    need: t('faire tourner mspr-lab', 'running mspr-lab'),
    fix: ['sudo apt-get install -y nodejs'],
    fixNote: t('si Debian n’a pas Node 20.11 ou plus : https://nodejs.org', 'if Debian has no Node 20.11 or later: https://nodejs.org'),
  });
}

async function nativeModules(): Promise<DoctorLine> {
  const found: string[] = [];
  const broken: NativeFailure[] = [];
  try {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    found.push(`better-sqlite3 (SQLite ${(db.prepare('select sqlite_version() as v').get() as { v: string }).v})`);
    db.close();
  } catch (error) {
    broken.push({ module: 'better-sqlite3', error });
  }
  try {
    const { default: pl } = await import('nodejs-polars');
    pl.DataFrame({ a: [1] });
    found.push('nodejs-polars');
  } catch (error) {
    broken.push({ module: 'nodejs-polars', error });
  }
  return nativeModulesLine(found, broken);
}

/** A native module that did not load, and why (the loader's words). */
export interface NativeFailure {
  module: string;
  error: unknown;
}

/** Exported for its tests: the loader's message is English, so it is quoted, never mixed into the French. */
export function nativeModulesLine(found: string[], broken: NativeFailure[]): DoctorLine {
  const quoted = (lang: 'fr' | 'en') => broken.map(({ module, error }) => (lang === 'fr' ? `${module} : « ${firstLineOf(error)} »` : `${module}: “${firstLineOf(error)}”`));
  return line({
    id: 'native-modules',
    label: t('Modules natifs', 'Native modules'),
    required: true,
    ok: broken.length === 0,
    summary: broken.length ? t(`ne se chargent pas : ${quoted('fr').join(' ; ')}`, `do not load: ${quoted('en').join('; ')}`) : t(found.join(', '), found.join(', ')),
    need: t('lire les bases SQLite et les fichiers de données', 'reading SQLite databases and data files'),
    // A failed build of better-sqlite3 needs a compiler and Node's headers (no prebuilt binary reachable).
    fix: ['sudo apt-get install -y build-essential python3', 'npm rebuild -g mspr-lab'],
    fixNote: t('si la reconstruction échoue, réinstallez mspr-lab', 'if the rebuild fails, reinstall mspr-lab'),
  });
}

/** git on the PATH; `command` is another name for it (a test names one that does not exist). */
export async function probeGit(command = 'git'): Promise<DoctorLine> {
  const result = await execa(command, ['--version'], { reject: false, timeout: 10_000 });
  const ok = result.exitCode === 0;
  return line({
    id: 'git',
    label: t('git', 'git'),
    required: false,
    ok,
    summary: ok ? t(result.stdout.replace('git version ', ''), result.stdout.replace('git version ', '')) : t('introuvable', 'not found'),
    need: t('corriger les dépôts donnés par URL, et --deadline', 'grading repositories given by URL, and --deadline'),
    fix: ['sudo apt-get install -y git'],
  });
}

