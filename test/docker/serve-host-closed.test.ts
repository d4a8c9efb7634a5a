import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../runner/sandbox/sandbox.js';
import { backendFor, engineRequiredTest, makeSpec, probeEngine } from './helpers.js';

const engine = await probeEngine();
engineRequiredTest(engine);

// The serve network keeps the host's address on its bridge so the runner reaches the app; the host's firewall must
// then refuse every connection the container opens towards the host (a service listening on 0.0.0.0 here).
describe.skipIf(!engine.ok)('docker serve network: the host is closed to the container', () => {
  let sandbox: Sandbox;
  let cleanup: () => Promise<void>;
  let hostService: Server;
  const accepted: string[] = [];

  beforeAll(async () => {
    hostService = createServer((socket) => {
      accepted.push(String(socket.remoteAddress));
      socket.end('bonjour\n');
    });
    await new Promise<void>((done) => hostService.listen(0, '0.0.0.0', done));
    const made = await makeSpec({ reachable: true });
    cleanup = made.cleanup;
    sandbox = await backendFor(engine).start(made.spec);
  }, 120_000);
  afterAll(async () => {
    await sandbox?.dispose();
    await cleanup?.();
    hostService?.close();
  });

  it('gives the app an address, and the container reaches no host service through its bridge', async () => {
    expect(sandbox.hostAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const gateway = sandbox.hostAddress!.replace(/\.\d+$/, '.1');
    const port = (hostService.address() as AddressInfo).port;
    const probe = `import socket\ntry:\n    socket.create_connection(("${gateway}", ${port}), timeout=10).recv(16)\n    print("joint")\nexcept OSError as e:\n    print("refuse", type(e).__name__)\n`;
    const result = await sandbox.exec([sandbox.python, '-c', probe], { timeoutMs: 60_000 });
    expect(result.stdout.text).toMatch(/^refuse /);
    expect(accepted).toEqual([]);
  }, 120_000);
});
