import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirectory } from '../output/make-directory.js';
import { onShutdown } from '../shutdown.js';
import { type ProcessIdentity, selfIdentity } from './process-identity.js';
import { removeTree } from './remove-tree.js';

/** The file in every run folder that says which mspr-lab process owns it. */
export const OWNER_FILE = 'mspr-owner.json';
const MAX_OWNER_BYTES = 4096;

/** What {@link OWNER_FILE} holds. */
export interface RunFolderOwner extends ProcessIdentity {
  tool: 'mspr-lab';
  runId: string;
  createdAt: string;
  /** Set when the run ended with `--keep-workspace`: kept on purpose, removed only by `cleanup --run <id>`. */
  kept?: boolean;
}

/** A run's folder (workspace, datasets, trace) and how it ends. */
export interface RunFolder {
  readonly dir: string;
  /** Removes the folder, or, with `keep`, marks it kept on purpose. Safe to call more than once. */
  release(options: { keep: boolean }): void;
}

/** Folders of this process still to remove if it exits before releasing them (Ctrl-C, a crash). */
const live = new Map<string, () => void>();
let exitHookInstalled = false;

/**
 * Creates `<workRoot>/<runId>` with its owner file, so `mspr-lab cleanup` can tell a leftover (owner dead)
 * from a running grade. The folder is removed when the run releases it, and also when the process exits
 * without releasing it: on SIGINT/SIGTERM (runner/shutdown.ts runs the step and container kills, then
 * exits) and on an uncaught error, through Node's `exit` event, which runs after those kills. Only a
 * `kill -9` or a fatal V8 error leaves it; `cleanup` removes those.
 */
export function createRunFolder(workRoot: string, runId: string): RunFolder {
  makeDirectory(workRoot);
  const dir = join(workRoot, runId);
  mkdirSync(dir);
  const owner: RunFolderOwner = { tool: 'mspr-lab', runId, ...selfIdentity(), createdAt: new Date().toISOString() };
  writeFileSync(join(dir, OWNER_FILE), `${JSON.stringify(owner)}\n`, { mode: 0o644 });
  installExitHook();
  // Holds the signal handlers while the run lives, so a Ctrl-C between steps still ends in `exit`.
  const unregister = onShutdown(() => undefined);
  const removeNow = () => void removeTree(dir, { last: OWNER_FILE });
  live.set(dir, removeNow);
  let released = false;
  return {
    dir,
    release({ keep }) {
      if (released) return;
      released = true;
      live.delete(dir);
      unregister();
      if (keep) writeFileSync(join(dir, OWNER_FILE), `${JSON.stringify({ ...owner, kept: true })}\n`);
      else removeNow();
    },
  };
}

/** The owner recorded in a run folder, or undefined when it has none (or not one mspr-lab wrote). */
export function readOwner(dir: string): RunFolderOwner | undefined {
  let fd: number | undefined;
  try {
    // O_NOFOLLOW: a run folder may have held hostile code; its owner file is read, never a link's target.
    fd = openSync(join(dir, OWNER_FILE), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(MAX_OWNER_BYTES);
    const length = readSync(fd, buffer, 0, MAX_OWNER_BYTES, 0);
    const owner = JSON.parse(buffer.subarray(0, length).toString('utf8')) as Partial<RunFolderOwner>;
    return owner.tool === 'mspr-lab' && typeof owner.pid === 'number' && typeof owner.runId === 'string' ? (owner as RunFolderOwner) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const remove of live.values()) remove();
    live.clear();
  });
}
