import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../../runner/paths.js';
import type { RunReport } from '../../reports/report.js';

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The run's output folder (`<out>/<run id>`), when a report was written. */
  runDir?: string;
  report?: RunReport;
}

/**
 * Runs the built CLI (`dist/runner/cli.js`) as a user would, in English unless `--lang` is given; `check` is
 * quiet (no progress on stderr) unless `progress` is asked.
 */
export function runCli(args: string[], env: Record<string, string> = {}, options: { progress?: boolean } = {}): CliRun {
  const out = mkdtempSync(join(tmpdir(), 'mspr-out-'));
  const withOut = args[0] === 'check' ? [...args, '--out', out, ...(options.progress ? [] : ['--quiet'])] : args;
  const result = spawnSync(process.execPath, [packagePath('dist/runner/cli.js'), ...withOut], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1', ...env },
    timeout: 300_000,
  });
  const runs = existsSync(out) ? readdirSync(out) : [];
  const runDir = runs.length === 1 ? join(out, runs[0]!) : undefined;
  const report = runDir && existsSync(join(runDir, 'report.json')) ? (JSON.parse(readFileSync(join(runDir, 'report.json'), 'utf8')) as RunReport) : undefined;
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, runDir, report };
}

export const fixture = (...path: string[]) => packagePath('test/fixtures', ...path);
