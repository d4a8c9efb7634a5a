import { constants } from 'node:os';
import type Docker from 'dockerode';
import type { DockerClient } from './docker-client.js';

/** The exec's exit code once Docker has recorded it (it can lag the stream's end by a few milliseconds). */
export async function exitCodeOf(client: DockerClient, exec: Docker.Exec): Promise<number | null> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      const info = await client.call('exec inspect', (abortSignal) => exec.inspect({ abortSignal }));
      if (!info.Running) return info.ExitCode ?? null;
    } catch {
      return null; // the container was killed and restarted: the exec is gone
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

const SIGNAL_NAMES = new Map<number, string>(Object.entries(constants.signals).map(([name, num]) => [num, name]));

/**
 * Docker reports a process killed by signal N as exit code 128+N (as shells do). It is decoded back into a
 * signal so results read like the local backend's; a program that calls `exit(137)` itself is indistinguishable.
 */
export function decodeExit(code: number | null): { exitCode: number | null; signal: string | null } {
  if (code === null) return { exitCode: null, signal: 'SIGKILL' };
  if (code > 128 && code <= 128 + 64 && SIGNAL_NAMES.has(code - 128)) return { exitCode: null, signal: SIGNAL_NAMES.get(code - 128)! };
  return { exitCode: code, signal: null };
}
