import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPages } from '../../runner/browser/audit-pages.js';
import type { AccessibilityEvidence } from '../../runner/browser/page-audit.js';
import { browserAvailable } from '../helpers/browser.js';

// The browser of the accessibility audit runs on the grading host, and the page it opens is the candidate's code.
// Request interception sees only what Chromium's network service routes through the page: WebSockets, workers,
// popups, WebRTC and beacons must not reach the host's other services either. A "spy" service listens on loopback
// next to the app (TCP and UDP), as a database or the Docker API would; the page tries every channel at it.
const PAGE = join(import.meta.dirname, '../fixtures/pages/canaux-caches.html');

describe.skipIf(!browserAvailable())('auditPages keeps the team’s page inside its app: no channel reaches another host service', () => {
  let app: Server;
  let spy: TcpServer;
  let udp: UdpSocket;
  let folder: string;
  let audit: AccessibilityEvidence;
  const spyConnections: string[] = [];
  const udpPackets: number[] = [];
  const appRequests: string[] = [];

  beforeAll(async () => {
    spy = createTcpServer((socket) => {
      spyConnections.push(`${socket.remoteAddress}:${socket.remotePort}`);
      socket.destroy();
    });
    await new Promise<void>((done) => spy.listen(0, '127.0.0.1', done));
    udp = createSocket('udp4');
    udp.on('message', (message) => udpPackets.push(message.length));
    await new Promise<void>((done) => udp.bind(0, '127.0.0.1', done));
    const spyPort = (spy.address() as AddressInfo).port;
    const udpPort = udp.address().port;
    const body = readFileSync(PAGE, 'utf8').replaceAll('__ESPION__', String(spyPort)).replaceAll('__UDP__', String(udpPort));
    app = createServer((request, response) => {
      appRequests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((done) => app.listen(0, '127.0.0.1', done));
    folder = mkdtempSync(join(tmpdir(), 'mspr-audit-contain-'));
    audit = await auditPages([`http://127.0.0.1:${(app.address() as AddressInfo).port}/`], { screenshotsDir: join(folder, 'shots'), relativeTo: folder });
    // A connection the browser started would have arrived by now; give a late one a moment before counting.
    await new Promise((done) => setTimeout(done, 1500));
  }, 240_000);

  afterAll(() => {
    app?.close();
    spy?.close();
    udp?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('audits the page itself', () => {
    if (!audit.audited) throw new Error(audit.reason.en);
    expect(audit.pages).toHaveLength(1);
    expect(audit.pages[0]).toMatchObject({ status: 200, title: 'Suivi en direct', lang: 'fr' });
    expect(appRequests).toContain('/');
  });

  it('lets no WebSocket, EventSource, beacon, worker fetch, iframe, popup or TURN-over-TCP reach the spy service', () => {
    expect(spyConnections).toEqual([]);
  });

  it('lets no WebRTC (STUN over UDP) packet reach the spy service', () => {
    expect(udpPackets).toEqual([]);
  });

  it('names the spy as refused: requests seen by interception with their scheme, tunnels the proxy refused by host and port', () => {
    if (!audit.audited) throw new Error(audit.reason.en);
    const port = (spy.address() as AddressInfo).port;
    expect(audit.pages[0]!.blockedOrigins).toEqual([`127.0.0.1:${port}`, `http://127.0.0.1:${port}`]);
    expect(audit.pages[0]!.blockedRequests).toBeGreaterThanOrEqual(4);
  });
});
