import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../reports/report.js';
import { validateReport } from '../../reports/validate-report.js';
import { candidateRepo, cli, cliEnv, entries, privateRoot, scenarioRunning } from './helpers.js';

/**
 * The output disk, for real: small tmpfs file systems mounted as `--out` (root only). Where mounting is
 * impossible (not root, no CAP_SYS_ADMIN) the suite is skipped and says why, except under MSPR_CI=1.
 */
const root = privateRoot('disk');
const work = join(root, 'work');
const env = cliEnv(work);
const mounted: string[] = [];

function mountTmpfs(name: string, size: string, readOnly = false): string | undefined {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    return undefined;
  }
  mounted.push(dir);
  return dir;
}

/** Fills a file system to the last byte (ENOSPC ends the writing). */
function fill(dir: string): void {
  execFileSync('/bin/sh', ['-c', `dd if=/dev/zero of=${JSON.stringify(join(dir, 'filler.bin'))} bs=4k 2>/dev/null || true`]);
}

/** Every file under a folder, with its size: a truncated or empty report would show here. */
function filesUnder(dir: string): Array<[string, number]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(dir.length + 1), statSync(path).size] as [string, number];
    })
    .sort();
}

const canMount = mountTmpfs('probe', '64k') !== undefined;
const why = 'mounting a tmpfs needs root (CAP_SYS_ADMIN)';
if (!canMount && process.env.MSPR_CI === '1') throw new Error(`MSPR_CI=1: the output-disk suite cannot run: ${why}`);

afterAll(() => {
  for (const dir of mounted.reverse()) execFileSync('umount', ['-l', dir]);
});

describe.skipIf(!canMount)(`reports on a full or read-only disk (real tmpfs mounts; skipped when not possible: ${why})`, () => {
  const repo = candidateRepo(privateRoot('disk-repo'));

  it('a disk already full: MSPR_OUTPUT_UNWRITABLE before the run, nothing run', () => {
    const out = mountTmpfs('full', '64k')!;
    fill(out);
    const run = cli(['check', repo, '-s', 'cdp-data-ia-bloc1-etl', '--sandbox', 'local', '--out', out, '--quiet'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`MSPR_OUTPUT_UNWRITABLE: The disk holding ${out} is full: nothing could be written there.`);
    expect(run.stderr).toContain('What to do: Free some space on that disk, or choose another folder with --out.');
    expect(entries(out)).toEqual(['filler.bin']);
    expect(entries(work)).toEqual([]);
  });

  it('a read-only --out: refused before the run', () => {
    const out = mountTmpfs('readonly', '64k', true)!;
    const run = cli(['check', repo, '-s', 'cdp-data-ia-bloc1-etl', '--out', out, '--quiet'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`MSPR_OUTPUT_UNWRITABLE: ${out} is on a read-only file system.`);
    expect(entries(work)).toEqual([]);
  });

  it('a disk that fills during the run: no report.json rather than a truncated one, the outcome still printed, exit 2', () => {
    const out = mountTmpfs('fills', '256k')!;
    // Another process fills the output disk while the candidate's code runs (here: the step itself).
    const scenario = scenarioRunning(root, 'fill', `import subprocess; subprocess.run(["/bin/sh", "-c", "dd if=/dev/zero of=${join(out, 'filler.bin')} bs=4k 2>/dev/null"])`);
    const run = cli(['check', repo, '-s', scenario, '--out', out, '--format', 'json,md,html,junit', '--quiet'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/MSPR_OUTPUT_UNWRITABLE: The disk holding .* is full: nothing could be written there\./);
    expect(run.stdout).toContain('Faults (faults-fill)');
    expect(run.stdout).toMatch(/PASSED|FAILED/);
    // Nothing half-written: only the filler, no report, no temporary file left behind.
    expect(filesUnder(out).map(([path]) => path)).toEqual(['filler.bin']);
    expect(entries(work)).toEqual([]);
  });

  it('with room for report.json but not for report.md: report.json is whole and valid, report.md absent, no temporary file', async () => {
    const good = join(root, 'good-tight');
    expect(cli(['check', repo, '-s', scenarioRunning(root, 'tight', 'print(1)'), '--sandbox', 'local', '--out', good, '--quiet'], env).exitCode).toBe(0);
    const report = JSON.parse(readFileSync(join(good, entries(good)[0]!, 'report.json'), 'utf8')) as RunReport;
    const { renderersFor } = await import('../../reports/registry.js');
    const { writeOutputs } = await import('../../runner/cli/write-outputs.js');
    const out = mountTmpfs('tight', '1m')!;
    // Exactly the pages report.json needs are left free: report.md, written next, finds none.
    const jsonBytes = Buffer.byteLength(renderersFor(['json'])[0]!.render(report, 'en'));
    const { bavail, bsize } = statfsSync(out);
    writeFileSync(join(out, 'filler.bin'), Buffer.alloc(bavail * bsize - Math.ceil(jsonBytes / bsize) * bsize));
    let error: unknown;
    try {
      writeOutputs(report, renderersFor(['json', 'md']), out, 'en');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'MSPR_OUTPUT_UNWRITABLE', text: { en: `The disk holding ${join(out, report.runId)} is full: nothing could be written there.` } });
    expect(filesUnder(out)).toEqual([
      [join(report.runId, 'report.json'), jsonBytes],
      ['filler.bin', statSync(join(out, 'filler.bin')).size],
    ]);
    expect(validateReport(JSON.parse(readFileSync(join(out, report.runId, 'report.json'), 'utf8')))).toEqual([]);
  });

  it('a report that does not fit leaves the previous version whole (never emptied first)', async () => {
    const { writeFileAtomic } = await import('../../runner/output/atomic-write.js');
    const out = mountTmpfs('replace', '64k')!;
    const path = join(out, 'report.json');
    writeFileSync(path, '{"version": 1}\n');
    fill(out);
    expect(() => writeFileAtomic(path, 'x'.repeat(64 * 1024))).toThrow(/ENOSPC/);
    expect(readFileSync(path, 'utf8')).toBe('{"version": 1}\n');
    expect(entries(out)).toEqual(['filler.bin', 'report.json']);
  });

  it('render onto a full disk: nothing written, MSPR_OUTPUT_UNWRITABLE, exit 2', () => {
    const good = join(root, 'good');
    const made = cli(['check', repo, '-s', scenarioRunning(root, 'ok', 'print(1)'), '--sandbox', 'local', '--out', good, '--quiet'], env);
    expect(made.exitCode).toBe(0);
    const report = join(good, entries(good)[0]!, 'report.json');
    const out = mountTmpfs('render', '64k')!;
    fill(out);
    const run = cli(['render', report, '--format', 'md,html', '--out', out], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`MSPR_OUTPUT_UNWRITABLE: The disk holding ${out} is full`);
    expect(entries(out)).toEqual(['filler.bin']);
  });

  it('render into a full folder of its own report leaves the report.json it read untouched', () => {
    const dir = mountTmpfs('inplace', '128k')!;
    const made = cli(['check', repo, '-s', scenarioRunning(root, 'ok2', 'print(1)'), '--sandbox', 'local', '--out', dir, '--quiet'], env);
    expect(made.exitCode).toBe(0);
    const report = join(dir, entries(dir)[0]!, 'report.json');
    const before = readFileSync(report, 'utf8');
    fill(dir);
    const run = cli(['render', report, '--format', 'json'], env);
    expect(run.exitCode).toBe(2);
    expect(readFileSync(report, 'utf8')).toBe(before);
  });
});

describe('atomic writes (no mount needed)', () => {
  it('an existing report is replaced whole, never emptied first', async () => {
    const { writeFileAtomic } = await import('../../runner/output/atomic-write.js');
    const dir = privateRoot('atomic');
    const path = join(dir, 'report.json');
    writeFileSync(path, '{"old": true}\n');
    writeFileAtomic(path, '{"new": true}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"new": true}\n');
    expect(entries(dir)).toEqual(['report.json']);
  });
});
