import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DoctorLine, DoctorReport } from '../../runner/doctor/doctor-line.js';
import { serverAvailable } from '../helpers/database-servers.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The real CLI on this machine: Debian's interpreter, the shared database servers, the Docker engine. Each
 * case changes one input (--python, --work-dir, an environment variable) and asserts that line and the exit.
 */
const scratch = mkdtempSync(join(tmpdir(), 'mspr-doctor-'));
const workDir = join(scratch, 'work');
// Without the admin URLs of the shared servers, unless a case sets them: a line then only depends on images.
const quiet = { MSPR_POSTGRES_ADMIN_URL: '', MSPR_MYSQL_ADMIN_URL: '', MSPR_MONGODB_URL: '', MSPR_WORK_DIR: workDir };

function doctor(args: string[], env: Record<string, string> = {}): { exitCode: number; report: DoctorReport; byId: Record<string, DoctorLine> } {
  const run = runCli(['doctor', '--json', '--work-dir', workDir, ...args], { ...quiet, ...env });
  const report = JSON.parse(run.stdout) as DoctorReport;
  return { exitCode: run.exitCode, report, byId: Object.fromEntries(report.lines.map((found) => [found.id, found])) };
}

const python = (code: string, interpreter = '/usr/bin/python3') => execFileSync(interpreter, ['-c', code], { encoding: 'utf8' }).trim();

describe('mspr-lab doctor', () => {
  let healthy: ReturnType<typeof doctor>;
  beforeAll(() => {
    healthy = doctor(['--python', '/usr/bin/python3']);
  });

  it('on this machine with Debian’s python3: every required line ok, exit 0, versions as the interpreter reports them', () => {
    expect(healthy.exitCode).toBe(0);
    expect(healthy.report.ready).toBe(true);
    const required = healthy.report.lines.filter((found) => found.required).map((found) => found.id);
    expect(required).toEqual(['node', 'native-modules', 'python', 'python-stack', 'work-dir']);
    expect(healthy.report.lines.map((found) => found.id)).toEqual([
      'node', 'native-modules', 'git', 'python', 'python-stack', 'python-extras', 'work-dir',
      'docker-engine', 'docker-images', 'database-postgres', 'database-mysql', 'database-mongodb', 'browser', 'locale',
    ]);
    for (const id of required) expect(healthy.byId[id]!.ok, id).toBe(true);
    expect(healthy.byId.node!.summary.en).toBe(process.versions.node);
    expect(healthy.byId.python!.summary.en).toBe(`/usr/bin/python3: Python ${python('import platform; print(platform.python_version())')}`);
    const pandas = python('import importlib.metadata as m; print(m.version("pandas"))');
    const sklearn = python('import importlib.metadata as m; print(m.version("scikit-learn"))');
    expect(healthy.byId['python-stack']!.summary.en).toContain(`pandas ${pandas}, `);
    expect(healthy.byId['python-stack']!.summary.en).toContain(`sklearn ${sklearn}, `);
    expect(healthy.byId['python-stack']!.fix).toEqual([]);
    expect(healthy.byId['native-modules']!.summary.en).toMatch(/^better-sqlite3 \(SQLite 3\.\d+\.\d+\), nodejs-polars$/);
    expect(healthy.byId['work-dir']!.summary.en).toMatch(new RegExp(`^${workDir}: \\d{1,3}(,\\d{3})*(\\.\\d)? GiB free$`));
  });

  it('a missing interpreter: python and its data stack missing (required), the fix named, exit 1', () => {
    const run = doctor(['--python', '/nonexistent/python3']);
    expect(run.exitCode).toBe(1);
    expect(run.report.ready).toBe(false);
    expect(run.byId.python).toMatchObject({ required: true, ok: false, summary: { en: '/nonexistent/python3 does not exist', fr: '/nonexistent/python3 n’existe pas' } });
    expect(run.byId.python!.fix).toEqual(['sudo apt-get install -y python3', 'mspr-lab doctor --python /usr/bin/python3']);
    expect(run.byId['python-stack']).toMatchObject({ ok: false, summary: { en: 'not checked: no interpreter' } });
    // The rest is still probed: one missing thing hides nothing else.
    expect(run.byId['native-modules']!.ok).toBe(true);
    const text = runCli(['doctor', '--python', '/nonexistent/python3', '--work-dir', workDir], quiet);
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toMatch(/ {2}missing {2}Python interpreter +\/nonexistent\/python3 does not exist \(required\)\n +used for: running the teams’ code \(--sandbox local\); --python or MSPR_PYTHON chooses it\n +fix: sudo apt-get install -y python3\n/);
    expect(text.stdout.trim().split('\n').at(-1)).toBe('NOT READY — required and missing: python, python-stack.');
  });

  it('a bare venv (no system site packages): the interpreter runs, its data stack is missing, exit 1', () => {
    const venv = join(scratch, 'bare-venv');
    execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', venv]);
    const run = doctor(['--python', join(venv, 'bin', 'python')]);
    expect(run.exitCode).toBe(1);
    expect(run.byId.python).toMatchObject({ ok: true, summary: { en: `${join(venv, 'bin', 'python')}: Python ${python('import platform; print(platform.python_version())')} (virtual environment)` } });
    expect(run.byId['python-stack']).toMatchObject({ required: true, ok: false, summary: { en: 'missing: pandas, numpy, sklearn, nbconvert, nbclient, ipykernel; present: —' } });
    expect(run.byId['python-stack']!.fix).toEqual([
      'sudo apt-get install -y python3-pandas python3-numpy python3-sklearn python3-nbconvert python3-nbclient python3-ipykernel',
      'mspr-lab doctor --python /usr/bin/python3',
    ]);
    expect(run.byId['python-extras']).toMatchObject({ required: false, ok: false });
    expect(run.byId['python-extras']!.summary.en).toMatch(/^missing: pip, matplotlib, /);
  });

  it('speaks French under a French locale, with no English status words', () => {
    const text = runCli(['doctor', '--python', '/nonexistent/python3', '--work-dir', workDir], { ...quiet, LANG: 'fr_FR.UTF-8' });
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain('  manquant Interpréteur Python');
    expect(text.stdout).toContain('/nonexistent/python3 n’existe pas (requis)');
    expect(text.stdout).toContain('correctif : sudo apt-get install -y python3');
    expect(text.stdout.trim().split('\n').at(-1)).toBe('PAS PRÊT — requis manquant : python, python-stack.');
    expect(text.stdout).not.toMatch(/\b(missing|required|optional|fix:|used for)\b/);
  });

  it('a work folder that cannot be written is a required line missing, exit 1', () => {
    const run = runCli(['doctor', '--json', '--python', '/usr/bin/python3', '--work-dir', '/proc/mspr-doctor'], quiet);
    const report = JSON.parse(run.stdout) as DoctorReport;
    expect(run.exitCode).toBe(1);
    expect(report.lines.find((found) => found.id === 'work-dir')).toMatchObject({ required: true, ok: false, summary: { en: '/proc/mspr-doctor cannot be written: kernel file system (PSEUDO_FS)' } });
  });

  it('optional lines missing (no engine, a server that does not answer, no browser, a non-UTF-8 locale) still exit 0', () => {
    const run = doctor(['--python', '/usr/bin/python3'], {
      DOCKER_HOST: `unix://${join(scratch, 'no-docker.sock')}`,
      MSPR_POSTGRES_ADMIN_URL: 'postgresql://admin:s3cret-doctor@127.0.0.1:1/postgres',
      MSPR_CHROMIUM: join(scratch, 'no-chromium'),
      LANG: 'C',
      LC_ALL: '',
    });
    expect(run.exitCode).toBe(0);
    expect(run.byId['docker-engine']).toMatchObject({ required: false, ok: false });
    expect(run.byId['docker-engine']!.summary).toEqual({
      fr: `injoignable (${join(scratch, 'no-docker.sock')}) : rien à cette adresse (ENOENT)`,
      en: `unreachable (${join(scratch, 'no-docker.sock')}): nothing at that address (ENOENT)`,
    });
    expect(run.byId['docker-images']!.summary.en).toBe('not checked: no engine');
    // No image either (no engine), so nothing serves PostgreSQL.
    expect(run.byId['database-postgres']).toMatchObject({ ok: false });
    expect(run.byId['database-postgres']!.summary.en).toBe('MSPR_POSTGRES_ADMIN_URL (127.0.0.1:1) does not answer: connection refused (ECONNREFUSED)');
    expect(run.byId['database-mysql']).toMatchObject({ ok: false, summary: { en: 'MSPR_MYSQL_ADMIN_URL not set, and no image' } });
    expect(run.byId.browser).toMatchObject({ ok: false, fix: ['sudo apt-get install -y chromium'], fixNote: { en: 'or a Chromium installed elsewhere: “export MSPR_CHROMIUM=<path>”' } });
    expect(run.byId.locale).toMatchObject({ ok: false, summary: { en: 'C: messages in English, an encoding other than UTF-8' } });
    expect(JSON.stringify(run.report)).not.toContain('s3cret-doctor');
  });

  it('a browser named by MSPR_CHROMIUM is found with its version', () => {
    // A script that answers --version as Debian's chromium does: doctor shows the version, not the build text.
    const fake = join(scratch, 'chromium');
    writeFileSync(fake, '#!/bin/sh\necho "Chromium 120.0.6099.224 built on Debian 12.4, running on Debian 12.12"\n');
    chmodSync(fake, 0o755);
    const run = doctor(['--python', '/usr/bin/python3'], { MSPR_CHROMIUM: fake });
    expect(run.byId.browser).toMatchObject({ ok: true, summary: { en: `${fake}: Chromium 120.0.6099.224` }, fix: [] });
  });

  it.skipIf(!serverAvailable('postgres') || !serverAvailable('mysql'))('the shared database servers answer with their versions, passwords never shown', () => {
    const env = { MSPR_POSTGRES_ADMIN_URL: process.env.MSPR_POSTGRES_ADMIN_URL!, MSPR_MYSQL_ADMIN_URL: process.env.MSPR_MYSQL_ADMIN_URL! };
    const run = doctor(['--python', '/usr/bin/python3'], env);
    const postgres = new URL(env.MSPR_POSTGRES_ADMIN_URL);
    expect(run.byId['database-postgres']!.ok).toBe(true);
    expect(run.byId['database-postgres']!.summary.en).toMatch(new RegExp(`^${postgres.hostname}:${postgres.port}: PostgreSQL \\d+`));
    expect(run.byId['database-mysql']!.summary.en).toMatch(/: MySQL\/MariaDB \d+\.\d+/);
    const output = JSON.stringify(run.report);
    expect(output).not.toContain(decodeURIComponent(postgres.password));
    expect(output).not.toContain(decodeURIComponent(new URL(env.MSPR_MYSQL_ADMIN_URL).password));
  });

  it('with the Docker engine: its version, and the images it holds', () => {
    if (!healthy.byId['docker-engine']!.ok) return expect(process.env.MSPR_CI, 'CI starts the Docker engine').not.toBe('1');
    expect(healthy.byId['docker-engine']!.summary.en).toMatch(/^Docker \d+\.\d+/);
    const images = execFileSync('docker', ['images', '--filter', 'label=mspr-lab.image', '--format', '{{.Repository}}'], { encoding: 'utf8' });
    for (const recipe of ['python', 'postgres', 'mariadb']) {
      if (images.includes(`mspr-lab/${recipe}`)) expect(healthy.byId['docker-images']!.summary.en).toContain(`mspr-lab/${recipe}:`);
    }
  });
});
