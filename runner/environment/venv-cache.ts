import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DriverResult } from './installer.js';

/** A finished install, as the cache keeps it beside its venv. */
export interface CachedInstall {
  key: string;
  createdAt: string;
  installDurationMs: number;
  result: DriverResult;
}

/**
 * Installed venvs, one folder per content key: `<cacheDir>/venvs/<key>/`, published by `<key>.json`.
 * A venv holds absolute paths (scripts' shebangs, the kernel spec), so it is built where it is used rather
 * than in a temporary folder renamed afterwards; what makes it safe is that the record is written last,
 * atomically (temporary file, then rename), by the one process holding `<key>.lock`. A venv without its
 * record is half-built (its builder crashed) and is built again.
 */
export class VenvCache {
  readonly root: string;

  constructor(cacheDir: string) {
    this.root = join(cacheDir, 'venvs');
  }

  venvDir(key: string): string {
    return join(this.root, key);
  }

  async lookup(key: string): Promise<CachedInstall | undefined> {
    if (!existsSync(this.venvDir(key))) return undefined;
    try {
      const cached = JSON.parse(await readFile(join(this.root, `${key}.json`), 'utf8')) as CachedInstall;
      return cached.key === key ? cached : undefined;
    } catch {
      return undefined;
    }
  }

  async publish(install: CachedInstall): Promise<void> {
    const target = join(this.root, `${install.key}.json`);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(install));
    await rename(temporary, target);
  }

  /** An empty folder for a new build of `key` (whatever a crashed builder left there goes). */
  async freshVenvDir(key: string): Promise<string> {
    const dir = this.venvDir(key);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /**
   * Runs `build` holding the key's lock: forty runs starting together with the same requirements wait for
   * the first one's install instead of running forty. A lock whose holder died (same host, pid gone) or
   * that outlived `waitMs` is taken over.
   */
  async exclusive<T>(key: string, waitMs: number, build: () => Promise<T>): Promise<T> {
    await mkdir(this.root, { recursive: true });
    const lock = join(this.root, `${key}.lock`);
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        const handle = await open(lock, 'wx');
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
        await handle.close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (Date.now() > deadline || (await isStale(lock, waitMs))) await rm(lock, { force: true });
        else await sleep(300);
      }
    }
    try {
      return await build();
    } finally {
      await rm(lock, { force: true });
    }
  }
}

async function isStale(lock: string, waitMs: number): Promise<boolean> {
  try {
    const [text, stats] = await Promise.all([readFile(lock, 'utf8'), stat(lock)]);
    const age = Date.now() - stats.mtimeMs;
    if (age > waitMs) return true;
    const holder = JSON.parse(text) as { pid?: number; host?: string };
    return holder.host === hostname() && typeof holder.pid === 'number' && !isAlive(holder.pid);
  } catch {
    // Unreadable: being written this very moment, or gone already. Either way, look again shortly.
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
