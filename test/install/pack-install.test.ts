import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packagePath, packageVersion } from '../../runner/paths.js';
import type { RunReport } from '../../reports/report.js';
import { cleanCopy, npmInstallGlobal, npmPack, type PackResult } from './packed-tool.js';

/**
 * SLOW (minutes): real `npm pack` of a clean copy of the tree, real `npm install -g` of the tarball into a scratch
 * prefix (the registry for the dependencies, better-sqlite3 compiled from source as it installs today), then the
 * installed `mspr-lab` run from other folders, as a candidate would. The timeouts are hang guards only.
 */
const HANG_GUARD = 2_400_000;
const root = mkdtempSync(join(tmpdir(), 'mspr-pack-'));
let pack: PackResult;
let bin: string;

/** The installed tool, run from `cwd` with only the scratch prefix's bin added to PATH. */
function installed(args: string[], cwd: string) {
  const result = spawnSync('mspr-lab', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1', MSPR_WORK_DIR: join(root, 'work') },
    timeout: 600_000,
  });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function onlyReport(out: string): RunReport {
  const [run] = readdirSync(out);
  return JSON.parse(readFileSync(join(out, run!, 'report.json'), 'utf8')) as RunReport;
}

describe('npm pack, npm install -g, mspr-lab from any folder (slow)', () => {
  beforeAll(() => {
    const source = join(root, 'clone');
    cleanCopy(source);
    pack = npmPack(source, root);
    const install = npmInstallGlobal(pack.filename, join(root, 'prefix'));
    expect(install.exitCode, install.output).toBe(0);
    bin = install.bin;
  }, HANG_GUARD);

  it('the tarball holds the build, the runtime assets and the docs, not the sources or the tests', () => {
    expect(pack.filename).toMatch(/mspr-lab-\d+\.\d+\.\d+\.tgz$/);
    for (const file of [
      'dist/runner/cli.js',
      'dist/checks/registry.js',
      'runner/tracer/python/sitecustomize.py',
      'runner/tracer/trace-event.schema.json',
      'runner/environment/python/install_requirements.py',
      'runner/environment/debian-packages.json',
      'runner/images/recipes/python/packages.txt',
      'runner/images/debian/build-rootfs.sh',
      'runner/submission/candidate-manifest.schema.json',
      'scenarios/scenario.schema.json',
      'scenarios/library/cdp-data-ia-bloc1-etl.yaml',
      'reports/report.schema.json',
      'checks/db/rows-match-source.md',
      'datasets/boutique/ventes.csv',
      'examples/etl-sqlite/etl.py',
      'README.md',
      'package.json',
    ]) expect(pack.files, file).toContain(file);
    expect(pack.files.filter((file) => file.startsWith('test/') || file.startsWith('bench/') || file.startsWith('.ci/'))).toEqual([]);
    expect(pack.files.filter((file) => file.endsWith('.ts') || file.includes('__pycache__') || file.endsWith('.pyc'))).toEqual([]);
    expect(pack.files).not.toContain('dist/checks/tester.js');
  });

  it('puts a working mspr-lab on the PATH of the prefix', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'mspr-elsewhere-'));
    const version = installed(['--version'], elsewhere);
    expect(version).toMatchObject({ exitCode: 0, stdout: `${packageVersion}\n` });
    const scenarios = installed(['scenarios', 'list'], elsewhere);
    expect(scenarios.exitCode, scenarios.stderr).toBe(0);
    expect(scenarios.stdout).toContain('cdp-data-ia-bloc1-etl');
    const doc = installed(['checks', 'show', 'db/rows-match-source'], elsewhere);
    expect(doc.exitCode, doc.stderr).toBe(0);
    expect(doc.stdout).toContain('rows');
  });

  it('grades the bundled example from the candidate’s folder: every check passes, exit 0', () => {
    const candidate = join(root, 'candidate-pass');
    cpSync(join(root, 'prefix', 'lib', 'node_modules', 'mspr-lab', 'examples', 'etl-sqlite'), candidate, { recursive: true });
    const out = join(root, 'out-pass');
    const run = installed(['check', '.', '-s', 'cdp-data-ia-bloc1-etl', '--sandbox', 'local', '--python', '/usr/bin/python3', '--out', out, '--format', 'json,junit', '--quiet'], candidate);
    expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
    const report = onlyReport(out);
    expect(report.verdicts).toHaveLength(12);
    expect(report.verdicts.filter((verdict) => verdict.status !== 'pass')).toEqual([]);
    // The installed tool read its own copy of the scenario's datasets and ran its own tracer.
    expect(run.stdout).toContain('db/rows-match-source');
    expect(existsSync(join(out, readdirSync(out)[0]!, 'report.junit.xml'))).toBe(true);
  });

  it('grades a team that lost rows: that check fails with the counts, exit 1', () => {
    const candidate = join(root, 'candidate-fail');
    cpSync(packagePath('test/fixtures/data/etl-rows-lost'), candidate, { recursive: true });
    const out = join(root, 'out-fail');
    mkdirSync(out);
    const run = installed(['check', '.', '-s', 'cdp-data-ia-bloc1-etl', '--sandbox', 'local', '--python', '/usr/bin/python3', '--out', out, '--quiet'], candidate);
    expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(1);
    const report = onlyReport(out);
    const rows = report.verdicts.find((verdict) => verdict.id === 'db/rows-match-source')!;
    expect(rows).toMatchObject({ status: 'fail', messageKey: 'lost' });
    expect(rows.evidence).toContainEqual(expect.objectContaining({ subject: 'table ventes', expected: 2000, actual: 1500 }));
    expect(report.verdicts.filter((verdict) => verdict.status !== 'pass').map((verdict) => verdict.id)).toEqual(['db/rows-match-source']);
  });
});
