import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DoctorLine, DoctorReport } from '../../runner/doctor/doctor-line.js';
import { formatDoctor } from '../../runner/doctor/print-doctor.js';
import { probeDatabases } from '../../runner/doctor/probe-databases.js';
import { probeDocker } from '../../runner/doctor/probe-docker.js';
import { probeBrowser, probeLocale, probeWorkDir } from '../../runner/doctor/probe-host.js';
import { probePython } from '../../runner/doctor/probe-python.js';
import { nativeModulesLine, nodeLine, probeGit } from '../../runner/doctor/probe-runtime.js';
import { failureReason } from '../../runner/doctor/failure-reason.js';
import { DockerClient } from '../../runner/sandbox/docker/docker-client.js';
import { englishWordsIn, frenchWordsIn } from '../helpers/foreign-words.js';

/**
 * Every doctor line in its missing state, through the real probes given bad inputs, printed in both languages:
 * the French page holds no English word, the English page no French one. The probes' failures quote other
 * programs (dockerode, the drivers, Python): what they say must reach the reader in words of the reader's language.
 */
const scratch = mkdtempSync(join(tmpdir(), 'mspr-doctor-missing-'));
const aFile = join(scratch, 'a-file');
const failingBrowser = join(scratch, 'failing-chromium');
writeFileSync(aFile, 'not a folder');

/** A Docker whose API answers `version` but holds no mspr-lab image (the images line missing needs an engine). */
const emptyEngine = { version: async () => ({ Version: '24.0.7' }), listImages: async () => [] } as unknown as Docker;
/** A Docker that never answers: the call's own deadline ends it. */
const silentEngine = { version: () => new Promise(() => undefined) } as unknown as Docker;

let lines: DoctorLine[];
let fr: string[];
let en: string[];

beforeAll(async () => {
  const venv = join(scratch, 'bare-venv');
  execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', venv]);
  const crashing = join(scratch, 'crashing-python');
  writeFileSync(crashing, '#!/bin/sh\necho "Fatal Python error: init_fs_encoding: failed to get the Python codec" >&2\nexit 3\n');
  chmodSync(crashing, 0o755);
  writeFileSync(failingBrowser, '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n');
  chmodSync(failingBrowser, 0o755);
  const refused = { MSPR_POSTGRES_ADMIN_URL: 'postgresql://admin:s3cret@127.0.0.1:1/postgres', MSPR_MYSQL_ADMIN_URL: 'mysql://admin:s3cret@127.0.0.1:1/mysql', MSPR_MONGODB_URL: 'mongodb://admin:s3cret@127.0.0.1:1/admin' };
  const [missingPython, bareVenv, notExecutable, crashingPython, noEngine, noImages, silent, unset, refusedServers, unknownHost, noBrowser, brokenBrowser, git] = await Promise.all([
    probePython(join(scratch, 'no-python3')),
    probePython(join(venv, 'bin', 'python')),
    probePython(aFile),
    probePython(crashing),
    probeDocker(new DockerClient({ docker: dockerAt(join(scratch, 'no-docker.sock')), callTimeoutMs: 5_000 })),
    probeDocker(new DockerClient({ docker: emptyEngine })),
    probeDocker(new DockerClient({ docker: silentEngine, callTimeoutMs: 200 })),
    probeDatabases([], { MSPR_POSTGRES_ADMIN_URL: '', MSPR_MYSQL_ADMIN_URL: '', MSPR_MONGODB_URL: '' }),
    probeDatabases([], refused),
    probeDatabases([], { MSPR_POSTGRES_ADMIN_URL: 'postgresql://admin:s3cret@mspr-doctor.invalid:5432/postgres' }),
    probeBrowser({ PATH: process.env.PATH, MSPR_CHROMIUM: join(scratch, 'no-chromium') }),
    probeBrowser({ PATH: process.env.PATH, MSPR_CHROMIUM: failingBrowser }),
    probeGit(join(scratch, 'no-git')),
  ]);
  lines = [
    nodeLine('18.19.0'),
    // A native module that does not load cannot be had without breaking the install: its line is built by the
    // probe's own function from the loader's real message.
    nativeModulesLine(['nodejs-polars'], [{ module: 'better-sqlite3', error: new Error('Could not locate the bindings file. Tried:\n → /usr/lib/node_modules/mspr-lab/build/better_sqlite3.node') }]),
    git,
    ...missingPython,
    // The venv's interpreter runs (its line is ok): its data stack and libraries are what is missing.
    ...bareVenv.filter((found) => found.id !== 'python'),
    ...notExecutable,
    ...crashingPython,
    probeWorkDir(join(aFile, 'work')),
    probeWorkDir('/proc/mspr-doctor'),
    probeWorkDir(scratch, Number.MAX_SAFE_INTEGER),
    ...noEngine.lines,
    // Its engine line is ok (the fake engine answers): only the images line is missing.
    ...noImages.lines.filter((found) => found.id === 'docker-images'),
    ...silent.lines,
    ...unset,
    ...refusedServers,
    ...unknownHost.filter((found) => found.id === 'database-postgres'),
    noBrowser,
    brokenBrowser,
    probeLocale({ LANG: 'C' }),
    probeLocale({}),
    probeLocale({ LANG: 'fr_FR.ISO-8859-1' }),
  ];
  const report: DoctorReport = { version: '0.0.0-test', ready: false, lines };
  fr = formatDoctor(report, 'fr');
  en = formatDoctor(report, 'en');
}, 120_000);

function dockerAt(socketPath: string): Docker {
  return new Docker({ socketPath });
}

/** A printed line without its indent, its columns' padding folded to one space. */
const fold = (text: string) => text.trim().replace(/ +/g, ' ');

/** The one printed line that starts with this (status, label, summary's start). */
function row(page: string[], start: string): string {
  const found = page.map(fold).filter((text) => text.startsWith(start));
  expect(found, start).toHaveLength(1);
  return found[0]!;
}

/** The lines printed under a probe's line (need, fixes, note), up to the next probe's. */
function under(page: string[], start: string): string[] {
  const at = page.findIndex((text) => fold(text).startsWith(start));
  expect(at, start).toBeGreaterThan(0);
  const next = page.findIndex((text, index) => index > at && /^ {2}\S/.test(text));
  return page.slice(at + 1, next).map((text) => text.trim());
}

describe('doctor: every line missing, one language per page', () => {
  it('every line is in its missing state', () => {
    expect(lines.filter((found) => found.ok).map((found) => found.id)).toEqual([]);
    expect(lines).toHaveLength(34);
  });

  it('the French page holds no English word, the English page no French word', () => {
    expect(englishWordsIn(fr.join('\n'))).toEqual([]);
    expect(frenchWordsIn(en.join('\n'))).toEqual([]);
  });

  it('the detector sees what these lines used to print (so the check above can fail)', () => {
    const comment = 'correctif : export LANG=fr_FR.UTF-8   # or C.UTF-8; Debian: sudo apt-get install -y locales';
    // The command is code (left out), its comment prose.
    const seen = 'correctif : # or C.UTF-8; Debian: sudo apt-get install -y locales';
    expect(englishWordsIn(`  ${comment}`)).toEqual([`or (${seen})`, `install (${seen})`]);
    const unquoted = 'ne se chargent pas : better-sqlite3 : Could not locate the bindings file';
    expect(englishWordsIn(unquoted)).toEqual(['Could', 'not', 'the', 'file'].map((word) => `${word} (${unquoted})`));
  });

  it('Docker unreachable: the cause in words, the socket named, the alternatives in a note', () => {
    const socket = join(scratch, 'no-docker.sock');
    expect(row(fr, 'manquant Moteur Docker injoignable (')).toBe(`manquant Moteur Docker injoignable (${socket}) : rien à cette adresse (ENOENT) (facultatif)`);
    expect(row(en, 'missing Docker engine unreachable (')).toBe(`missing Docker engine unreachable (${socket}): nothing at that address (ENOENT) (optional)`);
    expect(under(fr, 'manquant Moteur Docker injoignable (')).toEqual([
      'sert à : isoler le code des équipes (--sandbox docker) et lancer les bases en conteneurs (--services docker)',
      'correctif : sudo systemctl start docker',
      'correctif : sudo usermod -aG docker "$USER"',
      '➜ sans systemd : « sudo dockerd & » ; après usermod, reconnectez-vous',
    ]);
    expect(row(fr, 'manquant Images Docker manquantes')).toBe('manquant Images Docker manquantes : python, postgres, mariadb ; présente : — (facultatif)');
    expect(lines.filter((found) => found.id === 'docker-engine').map((found) => found.summary.fr)).toContain("injoignable : Docker n'a pas répondu en 0,2 s (appel `version`)");
  });

  it('database servers: refused and unknown hosts in words, passwords never shown, the URL example in each language', () => {
    expect(row(fr, 'manquant Base PostgreSQL MSPR_POSTGRES_ADMIN_URL (127.0.0.1:1)')).toBe('manquant Base PostgreSQL MSPR_POSTGRES_ADMIN_URL (127.0.0.1:1) ne répond pas : connexion refusée (ECONNREFUSED) (facultatif)');
    expect(row(en, 'missing MySQL/MariaDB database MSPR_MYSQL_ADMIN_URL (127.0.0.1:1)')).toBe('missing MySQL/MariaDB database MSPR_MYSQL_ADMIN_URL (127.0.0.1:1) does not answer: connection refused (ECONNREFUSED) (optional)');
    expect(row(fr, 'manquant Base MongoDB MSPR_MONGODB_URL (127.0.0.1:1)')).toBe('manquant Base MongoDB MSPR_MONGODB_URL (127.0.0.1:1) ne répond pas : connexion refusée (ECONNREFUSED) (facultatif)');
    expect(row(fr, 'manquant Base PostgreSQL MSPR_POSTGRES_ADMIN_URL (mspr-doctor.invalid:5432)')).toMatch(/ne répond pas : nom d’hôte (inconnu \(ENOTFOUND\)|introuvable pour l’instant \(EAI_AGAIN\)) \(facultatif\)$/);
    expect(under(fr, 'manquant Base PostgreSQL MSPR_POSTGRES_ADMIN_URL non défini')).toEqual([
      'sert à : les scénarios (et --database) qui demandent PostgreSQL',
      'correctif : sudo mspr-lab images build postgres',
      "➜ ou un serveur existant : « export MSPR_POSTGRES_ADMIN_URL='postgresql://admin:<mot-de-passe>@127.0.0.1:5432/postgres' »",
    ]);
    expect(under(en, 'missing MongoDB database MSPR_MONGODB_URL not set')).toEqual([
      'used for: scenarios (and --database) asking for MongoDB',
      "➜ an existing server: “export MSPR_MONGODB_URL='mongodb://admin:<password>@127.0.0.1:27017/admin'”",
    ]);
    expect([...fr, ...en].join('\n')).not.toContain('s3cret');
  });

  it('Python: absent, not executable, crashing (its words quoted), a venv without the data stack', () => {
    expect(row(fr, `manquant Interpréteur Python ${join(scratch, 'no-python3')}`)).toBe(`manquant Interpréteur Python ${join(scratch, 'no-python3')} n’existe pas (requis)`);
    expect(row(fr, `manquant Interpréteur Python ${aFile}`)).toBe(`manquant Interpréteur Python ${aFile} ne démarre pas : accès refusé (EACCES) (requis)`);
    expect(row(en, `missing Python interpreter ${join(scratch, 'crashing-python')}`)).toBe(
      `missing Python interpreter ${join(scratch, 'crashing-python')} does not start (code 3): “Fatal Python error: init_fs_encoding: failed to get the Python codec” (required)`,
    );
    expect(fr.map(fold)).toContain('manquant Bibliothèques Python facultatives non vérifiées : pas d’interpréteur (facultatif)');
    expect(fr.map(fold)).toContain('manquant Pile de données Python non vérifiée : pas d’interpréteur (requis)');
    expect(row(fr, 'manquant Pile de données Python manquants')).toBe('manquant Pile de données Python manquants : pandas, numpy, sklearn, nbconvert, nbclient, ipykernel ; présent : — (requis)');
  });

  it('the work folder: a file in the way named, a pseudo file system, too little room in French numbers', () => {
    expect(row(fr, `manquant Dossier de travail ${join(aFile, 'work')}`)).toBe(`manquant Dossier de travail ${join(aFile, 'work')} n’est pas accessible en écriture : un fichier est sur le chemin, ${aFile} (ENOTDIR) (requis)`);
    expect(row(en, 'missing Work folder /proc/mspr-doctor')).toBe('missing Work folder /proc/mspr-doctor cannot be written: kernel file system (PSEUDO_FS) (required)');
    expect(row(fr, `manquant Dossier de travail ${scratch} :`)).toMatch(/ Gio libres, il en faut au moins 8\u202f388\u202f608 \(requis\)$/);
    expect(row(en, `missing Work folder ${scratch}:`)).toMatch(/ GiB free, at least 8,388,608 is needed \(required\)$/);
    expect(under(fr, `manquant Dossier de travail /proc/mspr-doctor`)).toEqual([
      'sert à : accueillir chaque passage : copie du dépôt, environnement, trace',
      'correctif : mkdir -p /proc/mspr-doctor',
      '➜ ou un dossier sur un disque qui a de la place : « export MSPR_WORK_DIR=<dossier> » ou « mspr-lab doctor --work-dir <dossier> »',
    ]);
  });

  it('runtime, browser and locale: fixes without comments, their alternatives in notes', () => {
    expect(under(en, 'missing Node.js')).toEqual([
      'used for: running mspr-lab',
      'fix: sudo apt-get install -y nodejs',
      '➜ if Debian has no Node 20.11 or later: https://nodejs.org',
    ]);
    expect(row(fr, 'manquant Modules natifs')).toBe('manquant Modules natifs ne se chargent pas : better-sqlite3 : « Could not locate the bindings file. Tried: » (requis)');
    expect(row(fr, 'manquant git')).toBe('manquant git introuvable (facultatif)');
    expect(row(en, `missing Browser ${failingBrowser}`)).toBe(`missing Browser ${failingBrowser} does not start (code 127): “error while loading shared libraries: libnss3.so” (optional)`);
    expect(under(fr, `manquant Navigateur introuvable (cherché : ${join(scratch, 'no-chromium')})`)).toEqual([
      'sert à : vérifier l’accessibilité et l’impression des rapports HTML',
      'correctif : sudo apt-get install -y chromium',
      '➜ ou un Chromium installé ailleurs : « export MSPR_CHROMIUM=<chemin> »',
    ]);
    expect(row(fr, 'manquant Langue et encodage (aucune)')).toBe('manquant Langue et encodage (aucune) : messages en anglais, encodage autre que UTF-8 (facultatif)');
    expect(under(en, 'missing Locale C:')).toEqual([
      'used for: showing accents; an fr_* locale gives French messages (or --lang fr)',
      'fix: export LANG=fr_FR.UTF-8',
      '➜ or C.UTF-8; if the locale is missing (Debian): “sudo apt-get install -y locales && sudo dpkg-reconfigure locales”',
    ]);
    for (const found of lines) for (const command of found.fix) expect(command, found.id).not.toContain('#');
  });
});

describe('doctor: a driver’s failure in words', () => {
  // Refused credentials need a server that refuses them: the errors are built as the drivers shape them.
  it('refused credentials: PostgreSQL’s SQLSTATE, MySQL’s code name, MongoDB’s number', () => {
    const pg = Object.assign(new Error('password authentication failed for user "admin"'), { code: '28P01' });
    const mysql = Object.assign(new Error("Access denied for user 'admin'@'localhost' (using password: YES)"), { code: 'ER_ACCESS_DENIED_ERROR', errno: 1045 });
    const mongo = Object.assign(new Error('Authentication failed.'), { code: 18 });
    expect(failureReason(pg)).toEqual({ fr: 'identifiants refusés (28P01)', en: 'credentials refused (28P01)' });
    expect(failureReason(mysql)).toEqual({ fr: 'identifiants refusés (ER_ACCESS_DENIED_ERROR)', en: 'credentials refused (ER_ACCESS_DENIED_ERROR)' });
    expect(failureReason(mongo)).toEqual({ fr: 'identifiants refusés (18)', en: 'credentials refused (18)' });
  });

  it('a message it cannot put in words is quoted, what must not show masked', () => {
    const error = new Error('server s3cret-host closed the connection unexpectedly');
    expect(failureReason(error, (text) => text.replace('s3cret', '***'))).toEqual({
      fr: '« server ***-host closed the connection unexpectedly »',
      en: '“server ***-host closed the connection unexpectedly”',
    });
    expect(englishWordsIn(`ne répond pas : ${failureReason(error).fr}`)).toEqual([]);
  });
});
