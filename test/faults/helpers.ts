import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../../runner/paths.js';

/** A private folder for one test file: its work root and outputs never meet other helpers' runs. */
export function privateRoot(name: string): string {
  return mkdtempSync(join(tmpdir(), `mspr-faults-${name}-`));
}

/** The CLI's environment in tests: English, no colour, the caller's work root. */
export function cliEnv(workDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1', MSPR_WORK_DIR: workDir, ...extra };
}

/** Runs the built CLI to the end (a hang guard, not a speed limit). */
export function cli(args: string[], env: NodeJS.ProcessEnv): { exitCode: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [packagePath('dist/runner/cli.js'), ...args], { encoding: 'utf8', env, timeout: 240_000 });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the built CLI without waiting; `done` resolves with how it ended. */
export function startCli(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [packagePath('dist/runner/cli.js'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), 240_000);
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

/** Polls until `predicate` holds; throws after `ms` (a hang guard: the answer never depends on the time). */
export async function waitFor(predicate: () => boolean, ms = 120_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A candidate repository as teams submit it (README « Lancer : … », requirements, src/). */
export function candidateRepo(root: string, files: Record<string, string> = {}): string {
  const repo = join(root, 'equipe-3');
  mkdirSync(join(repo, 'src'), { recursive: true });
  const all = {
    'README.md': '# Projet MSPR\n\nLancer : `python src/main.py`\n',
    'requirements.txt': 'pandas==2.1.4\n',
    'src/main.py': 'print("pipeline terminé")\n',
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  return repo;
}

/** A scenario whose one step runs `code` with the sandbox's Python (local sandbox: host paths work). */
export function scenarioRunning(root: string, name: string, code: string): string {
  const file = join(root, `${name}.yaml`);
  writeFileSync(
    file,
    [
      `id: faults-${name}`,
      'title: Faults',
      'framework: cdp-data-ia',
      'bloc: 1',
      'sandbox: { backend: local, timeoutSec: 120 }',
      'steps:',
      `  - { id: step, run: [python, -c, ${JSON.stringify(code)}] }`,
      'checks:',
      '  - use: repo/files-present',
      '  - use: steps/succeeded',
    ].join('\n'),
  );
  return file;
}

/** Entries of a folder (none when it does not exist). */
export function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** A git repository whose commits carry the given committer dates (ISO 8601 with offsets). */
export function datedRepo(root: string, dates: string[]): { repo: string; commits: string[] } {
  const repo = candidateRepo(root);
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=Ana', '-c', 'user.email=ana@example.org', ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    }).trim();
  git(['init', '-q']);
  const commits = dates.map((date, index) => {
    writeFileSync(join(repo, 'src/main.py'), `print("version ${index + 1}")\n`);
    git(['add', '-A']);
    git(['commit', '-q', '-m', `v${index + 1}`], date);
    return git(['rev-parse', 'HEAD']);
  });
  return { repo, commits };
}
