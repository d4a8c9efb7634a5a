import { createServer, type Server, type Socket } from 'node:net';

/** How much of a proxied request's head is read to name its target: a request line, never a body. */
const HEAD_BYTES = 4096;
/** Targets remembered (each ≤ 120 characters): every refusal of a page is counted, bounded for a hostile page. */
const KEPT_TARGETS = 10_000;

/**
 * A proxy that refuses everything, on loopback, for the audit's browser. Chromium sends it every connection that is
 * not the app's own (`--proxy-bypass-list` names only the app's host and port): WebSockets, workers, popups,
 * beacons and WebRTC's TCP fallback included, which page-level request interception does not see. Each is answered
 * 403 and closed, so nothing of the grading host but the app is reachable; the targets are kept as evidence.
 */
export interface RefusingProxy {
  /** `127.0.0.1:port`, for `--proxy-server`. */
  address: string;
  /** Targets refused so far, in order (`http://host:port` for plain requests, `host:port` for tunnels). */
  refused(): readonly string[];
  close(): Promise<void>;
}

export async function startRefusingProxy(): Promise<RefusingProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      head += chunk;
      if (!head.includes('\r\n') && head.length < HEAD_BYTES) return;
      const end = head.indexOf('\r\n');
      if (refused.length < KEPT_TARGETS) refused.push(targetOf(end < 0 ? head : head.slice(0, end)));
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      socket.removeAllListeners('data');
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    refused: () => refused,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** `CONNECT host:443 HTTP/1.1` → `host:443`; `GET http://host:8000/x HTTP/1.1` → `http://host:8000`. */
function targetOf(requestLine: string): string {
  const [method, target = ''] = requestLine.split(' ');
  if (method === 'CONNECT') return target.slice(0, 120);
  try {
    return new URL(target).origin.slice(0, 120);
  } catch {
    return target.slice(0, 120);
  }
}
