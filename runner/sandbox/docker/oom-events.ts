import type { DockerClient } from './docker-client.js';

/**
 * Whether the kernel OOM-killed a process of the container between two instants. With an exec (not the
 * container's main process) the container survives, so `State.OOMKilled` stays false; the engine's `oom`
 * event is the reliable signal on cgroup v1 and v2 alike. It is recorded before the exec's `exec_die`, so by
 * the time the exec's stream has closed the event is there to be read.
 */
export async function oomBetween(client: DockerClient, containerId: string, sinceMs: number, untilMs: number): Promise<boolean> {
  const stream = (await client.call('events (oom)', (abortSignal) =>
    client.docker.getEvents({
      // Whole seconds would also catch an earlier exec's OOM in the same second; the API takes fractions.
      since: Math.floor(sinceMs) / 1000,
      until: Math.ceil(untilMs + 50) / 1000,
      filters: { container: [containerId], event: ['oom'] },
      abortSignal,
    }),
  )) as NodeJS.ReadableStream;
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  await client.call('events (oom) read', () => new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  }), 5_000);
  return text.split('\n').some((line) => line.includes('"oom"'));
}
