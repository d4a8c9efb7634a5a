import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentSettings } from '../../runner/environment/environment-settings.js';
import { LocalInstaller } from '../../runner/environment/local-installer.js';
import { prepareEnvironment, type PreparedEnvironment } from '../../runner/environment/prepare-environment.js';
import { LocalBackend } from '../../runner/sandbox/local-backend.js';
import { buildWheel, DEMO_PACKAGE, serveSimpleIndex } from '../helpers/test-wheels.js';
import { tempRepo } from '../helpers/temp-repo.js';

/** Real pip, real venvs, Debian's interpreter: the local backend's environment stage end to end. */
const PYTHON = '/usr/bin/python3';
const LIMITS = { timeoutSec: 60, memoryMb: 512, cpus: 1, pids: 128, network: 'none' as const };

let wheelhouse: string;
let sdistOnly: string;
const installer = new LocalInstaller(PYTHON);

const settings = (overrides: Partial<EnvironmentSettings> = {}): EnvironmentSettings => ({
  trustedHosts: [],
  allowSdist: false,
  cacheDir: mkdtempSync(join(tmpdir(), 'mspr-venv-cache-')),
  timeoutSec: 300,
  ...overrides,
});

function prepare(workspaceDir: string, environment: EnvironmentSettings): Promise<PreparedEnvironment> {
  return prepareEnvironment({ workspaceDir, folders: ['.'], files: [] }, { runId: 'test-env', installer, settings: environment, scratchDir: mkdtempSync(join(tmpdir(), 'mspr-env-io-')) });
}

/** Runs a script of the workspace in the local sandbox, with the venv when there is one. */
async function runInSandbox(workspaceDir: string, prepared: PreparedEnvironment, script: string) {
  const dir = mkdtempSync(join(tmpdir(), 'mspr-env-run-'));
  const sandbox = await new LocalBackend().start({ runId: 'test-env', workspaceDir, traceDir: dir, tracerDir: '', limits: LIMITS, python: PYTHON, env: {}, venv: prepared.venv });
  return sandbox.exec([sandbox.python, script], { timeoutMs: 60_000 });
}

const pipCallsOf = (prepared: PreparedEnvironment) => prepared.record.pipCalls;
const outcome = (prepared: PreparedEnvironment, name: string) => prepared.record.requirements.find((r) => r.name === name);

beforeAll(() => {
  wheelhouse = mkdtempSync(join(tmpdir(), 'mspr-wheelhouse-'));
  buildWheel(wheelhouse, DEMO_PACKAGE);
  sdistOnly = mkdtempSync(join(tmpdir(), 'mspr-sdists-'));
  writeFileSync(join(sdistOnly, 'mspr_build_me-0.1.tar.gz'), 'not really an archive');
});

describe('the team’s environment on the local backend (real pip, real venv)', () => {
  const importing = () =>
    tempRepo({
      'requirements.txt': 'pandas>=1.5  # déjà dans l’image\nmspr-demo-pkg==1.0.0\n',
      'main.py': 'import sys, pandas, mspr_demo_pkg\nprint(mspr_demo_pkg.__version__, pandas.__version__, sys.prefix)\n',
    }).root;

  it('installs a package only the wheel folder has, and a repository importing it runs', async () => {
    const repo = importing();
    const environment = settings({ wheelhouse });
    const prepared = await prepare(repo, environment);
    expect(prepared.record).toMatchObject({ status: 'ready', cached: false, wheelhouse, network: false });
    expect(outcome(prepared, 'mspr-demo-pkg')).toMatchObject({ status: 'installed', version: '1.0.0', declaredIn: 'requirements.txt:2' });
    expect(outcome(prepared, 'pandas')).toMatchObject({ status: 'preinstalled', version: '1.5.3' });
    expect(pipCallsOf(prepared)).toBe(1);
    const run = await runInSandbox(repo, prepared, 'main.py');
    expect(run.stderr.text).toBe('');
    expect(run.stdout.text.trim()).toBe(`1.0.0 1.5.3 ${prepared.venv!.hostDir}`);
  });

  it('a notebook’s kernel runs in the venv too (its kernel spec comes first on JUPYTER_PATH)', async () => {
    const notebook = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } }, cells: [{ cell_type: 'code', id: 'a1', metadata: {}, execution_count: null, outputs: [], source: ['import sys, mspr_demo_pkg\n', 'print(sys.prefix)'] }] };
    const repo = tempRepo({ 'requirements.txt': 'mspr-demo-pkg\n', 'notebooks/analyse.ipynb': JSON.stringify(notebook) }).root;
    const prepared = await prepare(repo, settings({ wheelhouse }));
    const out = mkdtempSync(join(tmpdir(), 'mspr-env-nb-'));
    const sandbox = await new LocalBackend().start({ runId: 'test-env', workspaceDir: repo, traceDir: out, tracerDir: '', limits: LIMITS, python: PYTHON, env: {}, venv: prepared.venv });
    const run = await sandbox.exec([sandbox.python, '-m', 'nbconvert', '--to', 'notebook', '--execute', '--output-dir', out, '--output', 'executed', 'notebooks/analyse.ipynb'], { timeoutMs: 120_000 });
    expect(run.exitCode, run.stderr.text).toBe(0);
    const executed = JSON.parse(readFileSync(join(out, 'executed.ipynb'), 'utf8')) as { cells: Array<{ outputs: Array<{ text?: string[] }> }> };
    expect(executed.cells[0]!.outputs[0]!.text!.join('').trim()).toBe(prepared.venv!.hostDir);
  });

  it('two runs with the same requirements share the cache: the second installs nothing', async () => {
    const environment = settings({ wheelhouse });
    const first = await prepare(importing(), environment);
    // Another team, same packages written differently (order, spelling, comments, another file name).
    const other = tempRepo({ 'requirements-prod.txt': '# équipe 7\nMSPR_Demo_Pkg == 1.0.0\nPandas >= 1.5\n', 'main.py': 'import mspr_demo_pkg\n' }).root;
    const second = await prepare(other, environment);
    expect(first.record.cached).toBe(false);
    expect(second.record).toMatchObject({ cached: true, pipCalls: 0, cacheKey: first.record.cacheKey });
    expect(second.venv).toEqual(first.venv);
    expect(outcome(second, 'mspr-demo-pkg')).toMatchObject({ status: 'installed', declaredIn: 'requirements-prod.txt:2', displayName: 'MSPR_Demo_Pkg' });
    const run = await runInSandbox(other, second, 'main.py');
    expect(run.exitCode).toBe(0);
  });

  it('parallel runs of the same requirements install once (the others wait for the lock)', async () => {
    const environment = settings({ wheelhouse });
    const runs = await Promise.all([prepare(importing(), environment), prepare(importing(), environment), prepare(importing(), environment)]);
    expect(runs.map((run) => run.record.cached).sort()).toEqual([false, true, true]);
    expect(runs.reduce((sum, run) => sum + pipCallsOf(run), 0)).toBe(1);
    expect(new Set(runs.map((run) => run.record.cacheKey)).size).toBe(1);
  });

  it('reports an unmet requirement with the version the image has, and the run goes on', async () => {
    const repo = tempRepo({
      'requirements.txt': 'pandas==2.1.3\nmissingno==0.5.2\nseaborn>=0.12\n',
      'main.py': 'import pandas\nprint(pandas.__version__)\n',
    }).root;
    const prepared = await prepare(repo, settings({ wheelhouse }));
    expect(prepared.record.status).toBe('partial');
    expect(outcome(prepared, 'pandas')).toMatchObject({ status: 'unmet', specifier: '==2.1.3', imageVersion: '1.5.3', reason: 'not-available', debianPackage: 'python3-pandas' });
    expect(outcome(prepared, 'missingno')).toMatchObject({ status: 'unmet', imageVersion: null, reason: 'not-available' });
    expect(outcome(prepared, 'seaborn')).toMatchObject({ status: 'preinstalled', version: '0.12.2' });
    expect(prepared.record.advice?.en).toContain('pandas==2.1.3, missingno==0.5.2');
    // Nothing pip could install: neither is in the wheel folder, so pip is not even started.
    expect(pipCallsOf(prepared)).toBe(0);
    const run = await runInSandbox(repo, prepared, 'main.py');
    expect(run.stdout.text.trim()).toBe('1.5.3');
  });

  it('a package the image lacks but Debian has: the advice says which Debian package to bake into the image', async () => {
    const prepared = await prepare(tempRepo({ 'requirements.txt': 'python-dotenv>=0.21\nimbalanced-learn\n' }).root, settings());
    expect(outcome(prepared, 'python-dotenv')).toMatchObject({ status: 'unmet', imageVersion: null, debianPackage: 'python3-dotenv' });
    expect(prepared.record.advice?.en).toContain('mspr-lab images build python --extra-packages python3-dotenv,python3-imblearn');
    expect(prepared.record.advice?.fr).toContain('donnez un index pip (--pip-index, MSPR_PIP_INDEX_URL) ou un dossier de wheels');
  });

  it('counts a requirement the image meets under another name as met (psycopg2-binary → Debian’s psycopg2)', async () => {
    const prepared = await prepare(tempRepo({ 'requirements.txt': 'psycopg2-binary>=2.9\nPyMySQL\n' }).root, settings());
    expect(outcome(prepared, 'psycopg2-binary')).toMatchObject({ status: 'preinstalled', version: '2.9.5', providedBy: 'psycopg2' });
    expect(outcome(prepared, 'pymysql')).toMatchObject({ status: 'preinstalled' });
    expect(pipCallsOf(prepared)).toBe(0);
  });

  it('refuses a source archive unless --allow-sdist: no build script runs at install', async () => {
    const prepared = await prepare(tempRepo({ 'requirements.txt': 'mspr-build-me==0.1\n' }).root, settings({ wheelhouse: sdistOnly }));
    expect(outcome(prepared, 'mspr-build-me')).toMatchObject({ status: 'unmet', reason: 'build-needed' });
    expect(pipCallsOf(prepared)).toBe(0);
  });

  it('leaves out what a marker excludes, and says so', async () => {
    const prepared = await prepare(tempRepo({ 'requirements.txt': 'pywin32>=300; sys_platform == "win32"\nnumpy\n' }).root, settings());
    expect(prepared.record.requirements.map((r) => r.name)).toEqual(['numpy']);
    expect(prepared.record.ignored).toContainEqual(expect.objectContaining({ reason: 'marker', declaredIn: 'requirements.txt:1' }));
  });

  it('a grading interpreter that is itself a venv: the team’s venv sees that venv’s own packages too', async () => {
    const school = join(mkdtempSync(join(tmpdir(), 'mspr-school-')), 'venv');
    execFileSync(PYTHON, ['-m', 'venv', '--system-site-packages', '--without-pip', school]);
    execFileSync(join(school, 'bin', 'python'), ['-m', 'pip', 'install', '--isolated', '--no-index', '--find-links', wheelhouse, '--quiet', 'mspr-demo-pkg'], { env: { PATH: '/usr/bin:/bin', HOME: school } });
    const repo = tempRepo({ 'requirements.txt': 'mspr-demo-pkg\npandas\n', 'main.py': 'import sys, mspr_demo_pkg, pandas\nprint(sys.prefix != sys.base_prefix, pandas.__version__)\n' }).root;
    const prepared = await prepareEnvironment({ workspaceDir: repo, folders: ['.'], files: [] }, { runId: 'test-env', installer: new LocalInstaller(join(school, 'bin', 'python')), settings: settings(), scratchDir: mkdtempSync(join(tmpdir(), 'mspr-env-io-')) });
    expect(outcome(prepared, 'mspr-demo-pkg')).toMatchObject({ status: 'preinstalled', version: '1.0.0' });
    expect(outcome(prepared, 'pandas')).toMatchObject({ status: 'preinstalled', version: '1.5.3' });
    const run = await runInSandbox(repo, prepared, 'main.py');
    expect(run.stdout.text.trim(), run.stderr.text).toBe('True 1.5.3');
  });

  it('a grading interpreter without the data stack gets no venv: the run’s interpreter check says what to fix', async () => {
    const bare = join(mkdtempSync(join(tmpdir(), 'mspr-bare-')), 'venv');
    execFileSync(PYTHON, ['-m', 'venv', '--without-pip', bare]);
    const prepared = await prepareEnvironment({ workspaceDir: tempRepo({ 'requirements.txt': 'pandas\n' }).root, folders: ['.'], files: [] }, { runId: 'test-env', installer: new LocalInstaller(join(bare, 'bin', 'python')), settings: settings(), scratchDir: mkdtempSync(join(tmpdir(), 'mspr-env-io-')) });
    expect(prepared.venv).toBeUndefined();
    expect(prepared.record.status).toBe('failed');
    expect(prepared.record.problem?.en).toBe(`No environment for the team: the interpreter ${join(bare, 'bin', 'python')} lacks the data stack (pandas,sklearn missing).`);
    expect(prepared.record.problem?.fr).toContain('n’a pas la pile de données (il lui manque pandas,sklearn)');
    // The advice names the interpreter, never a pip index (nothing was tried: an index would not help).
    expect(prepared.record.advice?.en).toBe('Nothing was installed: the grading interpreter is the problem, not the declared packages. Give a Python 3 that starts and has the data stack (--python or MSPR_PYTHON); mspr-lab doctor checks the interpreter and the image.');
    expect(prepared.record.advice?.fr).not.toContain('--pip-index');
  });

  it('an interpreter that does not exist: the problem is its cause (ENOENT) and the advice names the interpreter, not an index', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'mspr-nopython-')), 'python3');
    const prepared = await prepareEnvironment({ workspaceDir: tempRepo({ 'requirements.txt': 'pandas\n' }).root, folders: ['.'], files: [] }, { runId: 'test-env', installer: new LocalInstaller(missing), settings: settings(), scratchDir: mkdtempSync(join(tmpdir(), 'mspr-env-io-')) });
    expect(prepared.record.status).toBe('failed');
    expect(prepared.record.problem?.en).toContain('ENOENT');
    expect(prepared.record.advice?.en).toContain('the grading interpreter is the problem, not the declared packages');
    expect(prepared.record.advice?.en).not.toContain('pip index');
  });

  it('no declared requirement: no venv, the image’s Python as before', async () => {
    const prepared = await prepare(tempRepo({ 'main.py': 'print(1)\n' }).root, settings());
    expect(prepared.record).toMatchObject({ status: 'none', requirements: [], cached: false, pipCalls: 0 });
    expect(prepared.venv).toBeUndefined();
  });
});

describe('network: only with an index URL', () => {
  let index: Awaited<ReturnType<typeof serveSimpleIndex>>;
  let trap: { url: string; hits: string[]; close: () => Promise<void> };

  beforeAll(async () => {
    index = await serveSimpleIndex(wheelhouse);
    // A server pip must never reach: named by the variables a grader's shell may carry.
    const hits: string[] = [];
    const server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    trap = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/simple/`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
  });
  afterAll(async () => {
    await index?.close();
    await trap?.close();
  });

  it('without an index, pip is given --no-index and ignores PIP_INDEX_URL, pip.conf and the grader’s variables', async () => {
    const saved = { PIP_INDEX_URL: process.env.PIP_INDEX_URL, PIP_EXTRA_INDEX_URL: process.env.PIP_EXTRA_INDEX_URL };
    process.env.PIP_INDEX_URL = trap.url;
    process.env.PIP_EXTRA_INDEX_URL = trap.url;
    try {
      const environment = settings({ wheelhouse });
      const repo = tempRepo({ 'requirements.txt': 'mspr-demo-pkg\nmspr-not-anywhere==9.9\n' }).root;
      const prepared = await prepare(repo, environment);
      expect(outcome(prepared, 'mspr-demo-pkg')).toMatchObject({ status: 'installed' });
      expect(outcome(prepared, 'mspr-not-anywhere')).toMatchObject({ status: 'unmet', reason: 'not-available' });
      expect(trap.hits).toEqual([]);
      const log = prepared.record.logTail;
      expect(log).toContain('--no-index');
      expect(log).toContain('--only-binary=:all:');
      expect(log).not.toContain('--index-url');
    } finally {
      for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('installs from an index URL served on 127.0.0.1 (PEP 503)', async () => {
    const repo = tempRepo({ 'requirements.txt': 'mspr-demo-pkg>=1\n', 'main.py': 'import mspr_demo_pkg\nprint(mspr_demo_pkg.separer_cible.__doc__)\n' }).root;
    const prepared = await prepare(repo, settings({ indexUrl: index.url, trustedHosts: ['127.0.0.1'] }));
    expect(outcome(prepared, 'mspr-demo-pkg')).toMatchObject({ status: 'installed', version: '1.0.0' });
    expect(prepared.record.index).toBe(index.url);
    expect(index.requests).toContain('/simple/mspr-demo-pkg/');
    expect(index.requests.some((path) => path.startsWith('/files/mspr_demo_pkg-1.0.0'))).toBe(true);
    expect(prepared.record.logTail).toContain(`--index-url ${index.url}`);
    const run = await runInSandbox(repo, prepared, 'main.py');
    expect(run.stdout.text.trim()).toBe('Sépare les variables explicatives et la cible.');
  });

  it('a password in the index URL reaches neither the report, the pip log nor the cache', async () => {
    const url = index.url.replace('http://', 'http://eleve:s3cret-42@');
    const environment = settings({ indexUrl: url });
    const prepared = await prepare(tempRepo({ 'requirements.txt': 'mspr-demo-pkg\n' }).root, environment);
    expect(outcome(prepared, 'mspr-demo-pkg')).toMatchObject({ status: 'installed' });
    expect(prepared.record.index).toBe(index.url.replace('http://', 'http://eleve:***@'));
    expect(JSON.stringify(prepared.record)).not.toContain('s3cret-42');
    expect(readFileSync(join(environment.cacheDir, 'venvs', `${prepared.record.cacheKey}.json`), 'utf8')).not.toContain('s3cret-42');
  });

  it('an index that does not answer: unmet for a network reason, and not cached (the next run tries again)', async () => {
    const closed = await serveSimpleIndex(wheelhouse);
    await closed.close();
    const environment = settings({ indexUrl: closed.url, timeoutSec: 120 });
    const repo = tempRepo({ 'requirements.txt': 'mspr-demo-pkg\n' }).root;
    const prepared = await prepare(repo, environment);
    expect(outcome(prepared, 'mspr-demo-pkg')).toMatchObject({ status: 'unmet', reason: 'network' });
    expect(existsSync(join(environment.cacheDir, 'venvs', `${prepared.record.cacheKey}.json`))).toBe(false);
  });
});
