import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../../runner/paths.js';
import type { CliRun } from '../helpers/run-cli.js';
import type { RunReport } from '../../reports/report.js';

/**
 * `runCli` (test/helpers/run-cli.ts) without blocking, so the parity tests run the local and the docker
 * check of a fixture at the same time. Same arguments, same result.
 */
export function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const out = mkdtempSync(join(tmpdir(), 'mspr-out-'));
  const withOut = args[0] === 'check' ? [...args, '--out', out, '--quiet'] : args;
  const child = spawn(process.execPath, [packagePath('dist/runner/cli.js'), ...withOut], {
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      const runs = existsSync(out) ? readdirSync(out) : [];
      const runDir = runs.length === 1 ? join(out, runs[0]!) : undefined;
      const report = runDir && existsSync(join(runDir, 'report.json')) ? (JSON.parse(readFileSync(join(runDir, 'report.json'), 'utf8')) as RunReport) : undefined;
      resolve({ exitCode: code ?? -1, stdout, stderr, runDir, report });
    });
  });
}
