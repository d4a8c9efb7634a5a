import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { DockerClient } from '../sandbox/docker/docker-client.js';
import { StreamDemuxer } from '../sandbox/docker/stream-demux.js';

/**
 * How to know a service is ready, after testcontainers' wait strategies. Each one resolves when ready and
 * rejects with a short reason when the deadline (epoch ms) passes or the container stops.
 */
export type WaitStrategy =
  | { kind: 'log'; pattern: RegExp; times?: number }
  | { kind: 'health' }
  | { kind: 'port'; host: string; port: number };

export async function waitFor(client: DockerClient, container: Docker.Container, strategy: WaitStrategy, deadline: number): Promise<void> {
  switch (strategy.kind) {
    case 'log':
      return waitForLog(client, container, strategy.pattern, strategy.times ?? 1, deadline);
    case 'health':
      return poll(deadline, async () => {
        const info = await client.call('inspect service', (abortSignal) => container.inspect({ abortSignal }));
        if (!info.State.Running) throw new Stopped(`exited with ${info.State.ExitCode}`);
        return info.State.Health?.Status === 'healthy';
      }, 'health check not healthy');
    case 'port':
      return poll(deadline, () => canConnect(strategy.host, strategy.port), `port ${strategy.host}:${strategy.port} not open`);
  }
}

/** A stopped container will never become ready: stop waiting at once. */
export class Stopped extends Error {}

async function waitForLog(client: DockerClient, container: Docker.Container, pattern: RegExp, times: number, deadline: number): Promise<void> {
  const stream = (await client.call('follow service logs', (abortSignal) =>
    container.logs({ follow: true, stdout: true, stderr: true, abortSignal }),
  )) as unknown as Duplex;
  return new Promise((resolve, reject) => {
    let seen = 0;
    let pending = '';
    const finish = (error?: Error) => {
      clearTimeout(timer);
      stream.destroy();
      if (error) reject(error);
      else resolve();
    };
    const demux = new StreamDemuxer((_name, payload) => {
      const lines = (pending + payload.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (pattern.test(line) && ++seen >= times) return finish();
    });
    const timer = setTimeout(() => finish(new Error(`log line ${pattern} not seen`)), Math.max(0, deadline - Date.now()));
    stream.on('data', (chunk: Buffer) => demux.push(chunk));
    stream.on('end', () => finish(new Stopped(`stopped before logging ${pattern}`)));
    stream.on('error', (error: Error) => finish(error));
  });
}

async function poll(deadline: number, ready: () => Promise<boolean>, what: string): Promise<void> {
  for (;;) {
    if (await ready()) return;
    if (Date.now() >= deadline) throw new Error(what);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1_000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}
