import { execFile } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Refs copied from the candidate's repository at most: a real project has a handful of branches and tags. */
const MAX_REFS = 2000;
/** Loose object folders and pack files a `.git/objects` holds at most before it is not read. */
const MAX_OBJECT_ENTRIES = 20_000;

/** A git that reads the candidate's objects and nothing else of its repository, or why it cannot (`detail`: the entry at fault). */
export type GitShell = { ok: true; git: (args: string[], maxBytes?: number) => Promise<GitOutput>; dispose(): void } | { ok: false; reason: 'not-a-repository' | 'unsafe'; detail: string };

export interface GitOutput {
  stdout: string;
  /** The output was cut at `maxBytes`: what came before is kept. */
  truncated: boolean;
}

/**
 * The candidate's `.git` is hostile: its config may name an fsmonitor, a pager, a textconv or a gpg program,
 * its hooks run code, its `objects/info/alternates` or links point anywhere on the disk. So git never opens it
 * as a repository: it runs in a folder of ours (our config, no hooks, no grafts) whose object store is the
 * candidate's `.git/objects`, with HEAD, refs and packed-refs copied in as plain files. Anything that is not
 * a plain file or folder where git would read (a link, a `.git` file pointing elsewhere, alternates) refuses
 * the history rather than follow it.
 */
export function openGitShell(repositoryDir: string, scratchDir: string): GitShell {
  const gitDir = join(repositoryDir, '.git');
  const top = lstatOrUndefined(gitDir);
  if (!top) return { ok: false, reason: 'not-a-repository', detail: '.git' };
  if (!top.isDirectory()) return { ok: false, reason: 'unsafe', detail: '.git' };
  const objects = join(gitDir, 'objects');
  const unsafe = unsafeObjectStore(objects) ?? unsafeEntry(gitDir, 'HEAD', 'file');
  if (unsafe) return { ok: false, reason: 'unsafe', detail: unsafe };

  const shell = mkdtempSync(join(scratchDir, 'git-shell-'));
  mkdirSync(join(shell, 'objects'));
  writeFileSync(join(shell, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = true\n');
  copyFileSync(join(gitDir, 'HEAD'), join(shell, 'HEAD'));
  for (const name of ['packed-refs', 'shallow']) if (lstatOrUndefined(join(gitDir, name))?.isFile()) copyFileSync(join(gitDir, name), join(shell, name));
  copyRefs(join(gitDir, 'refs'), join(shell, 'refs'), { left: MAX_REFS });

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: shell,
    GIT_DIR: shell,
    GIT_OBJECT_DIRECTORY: objects,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
  };
  const safety = ['--no-pager', '-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', '-c', 'core.quotePath=false'];
  const git = (args: string[], maxBytes = 16 * 1024 * 1024) =>
    new Promise<GitOutput>((resolve, reject) => {
      const child = execFile('git', [...safety, ...args], { env, cwd: shell, encoding: 'buffer', maxBuffer: maxBytes, timeout: 120_000 }, (error, stdout) => {
        const out = stdout as Buffer;
        // maxBuffer reached: the child is killed; what it wrote so far is the capped answer.
        if (error && (error as NodeJS.ErrnoException).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') resolve({ stdout: out.toString('utf8'), truncated: true });
        else if (error) reject(error);
        else resolve({ stdout: out.toString('utf8'), truncated: false });
      });
      child.stdin?.end();
    });
  return { ok: true, git, dispose: () => rmSync(shell, { recursive: true, force: true }) };
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function unsafeEntry(dir: string, name: string, kind: 'file' | 'dir'): string | undefined {
  const stats = lstatOrUndefined(join(dir, name));
  return stats && (kind === 'file' ? stats.isFile() : stats.isDirectory()) ? undefined : `.git/${name}`;
}

/** `.git/objects` and everything one level down are real folders and files, and it borrows no other store. */
function unsafeObjectStore(objects: string): string | undefined {
  const stats = lstatOrUndefined(objects);
  if (!stats?.isDirectory()) return '.git/objects';
  const names = readdirSync(objects);
  if (names.length > MAX_OBJECT_ENTRIES) return '.git/objects';
  for (const name of names) {
    const entry = lstatSync(join(objects, name));
    if (!entry.isDirectory() && !entry.isFile()) return `.git/objects/${name}`;
    if (!entry.isDirectory()) continue;
    for (const inner of readdirSync(join(objects, name))) {
      if (name === 'info' && (inner === 'alternates' || inner === 'http-alternates')) return `.git/objects/info/${inner}`;
      const innerStats = lstatSync(join(objects, name, inner));
      if (!innerStats.isFile() && !innerStats.isDirectory()) return `.git/objects/${name}/${inner}`;
    }
  }
  return undefined;
}

/** Plain files and folders only, a bounded number: a link among the refs is left behind, not followed. */
function copyRefs(from: string, to: string, budget: { left: number }): void {
  mkdirSync(to, { recursive: true });
  if (!lstatOrUndefined(from)?.isDirectory()) return;
  for (const name of readdirSync(from)) {
    if (budget.left <= 0) return;
    const stats = lstatSync(join(from, name));
    if (stats.isDirectory()) copyRefs(join(from, name), join(to, name), budget);
    else if (stats.isFile() && stats.size < 1024) {
      budget.left -= 1;
      copyFileSync(join(from, name), join(to, name));
    }
  }
}
