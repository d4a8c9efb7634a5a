import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MsprError } from '../../runner/errors.js';
import { packagePath } from '../../runner/paths.js';
import { createRunNetworks, type RunNetworks } from '../../runner/services/run-network.js';
import { type ServiceHandle, startServices } from '../../runner/services/start-services.js';
import type { Sandbox } from '../../runner/sandbox/sandbox.js';
import { fixture, runCli } from '../helpers/run-cli.js';
import { backendFor, engineRequiredTest, makeSpec, probeEngine } from './helpers.js';
import { RunTracker } from './leftovers.js';

const engine = await probeEngine();
engineRequiredTest(engine);
const runs = new RunTracker();
/** Debian's interpreter on the host has psycopg2 and PyMySQL: the host side uses real clients too. */
const HOST_PYTHON = process.env.MSPR_PYTHON ?? '/usr/bin/python3';

const CANDIDATE = `
import os, pandas as pd, sqlalchemy as sa
frame = pd.DataFrame({"id": range(25), "label": [f"p{i}" for i in range(25)]})
for name in ("DATABASE_URL", "MSPR_DB_MARIA_URL"):
    engine = sa.create_engine(os.environ[name])
    frame.to_sql("produits", engine, index=False, if_exists="replace")
    with engine.connect() as c:
        print(name, c.execute(sa.text("select count(*) from produits")).scalar())
`;

describe.skipIf(!engine.ok)('services beside the docker sandbox', () => {
  let networks: RunNetworks;
  let services: ServiceHandle[] = [];
  let sandbox: Sandbox;
  let cleanup: () => Promise<void>;
  const byId = (id: string) => services.find((s) => s.id === id)!;

  beforeAll(async () => {
    const made = await makeSpec();
    cleanup = made.cleanup;
    const runId = runs.track(made.spec).runId;
    networks = await createRunNetworks(engine.client, runId);
    services = await startServices(runId, [{ id: 'pg', kind: 'postgres', database: 'ventes' }, { id: 'maria', kind: 'mysql' }, { id: 'local', kind: 'sqlite' }], networks, { client: engine.client, startTimeoutMs: 60_000 });
    writeFileSync(join(made.spec.workspaceDir, 'load.py'), CANDIDATE);
    copyFileSync(packagePath('test/fixtures/hostile/net_probe.py'), join(made.spec.workspaceDir, 'net_probe.py'));
    const env = { ...byId('maria').env, ...byId('pg').env };
    sandbox = await backendFor(engine).start({ ...made.spec, env, serviceNetwork: networks.internal, limits: { ...made.spec.limits, network: 'services' } });
  });

  afterAll(async () => {
    await sandbox?.dispose();
    await Promise.allSettled(services.map((s) => s.dispose()));
    await networks?.dispose();
    await cleanup?.();
    await runs.expectNoLeftovers(engine.client);
  });

  it('starts postgres and mariadb (sqlite needs no server) within the bound', () => {
    expect(services.map((s) => [s.id, s.kind])).toEqual([['pg', 'postgres'], ['maria', 'mysql']]);
    for (const service of services) expect(service.startMs).toBeLessThan(60_000);
    expect(byId('pg').sandbox).toMatchObject({ host: 'pg', port: 5432, database: 'ventes', user: 'candidate' });
    expect(byId('maria').sandbox.url).toMatch(/^mysql\+pymysql:\/\/candidate:[0-9a-f]{32}@maria:3306\/mspr$/);
  });

  it('the candidate writes through DATABASE_URL; the host reads the same rows on 127.0.0.1', async () => {
    const result = await sandbox.exec([sandbox.python, 'load.py'], { timeoutMs: 60_000 });
    expect(result.exitCode, result.stderr.text).toBe(0);
    expect(result.stdout.text).toBe('DATABASE_URL 25\nMSPR_DB_MARIA_URL 25\n');
    const pg = byId('pg').host;
    const maria = byId('maria').host;
    const count = (code: string) => execFileSync(HOST_PYTHON, ['-c', code], { encoding: 'utf8' }).trim();
    expect(count(`import psycopg2; c = psycopg2.connect(host="${pg.host}", port=${pg.port}, user="${pg.user}", password="${pg.password}", dbname="${pg.database}").cursor(); c.execute("select count(*) from produits"); print(c.fetchone()[0])`)).toBe('25');
    expect(count(`import pymysql; c = pymysql.connect(host="${maria.host}", port=${maria.port}, user="${maria.user}", password="${maria.password}", database="${maria.database}").cursor(); c.execute("select count(*) from produits"); print(c.fetchone()[0])`)).toBe('25');
  });

  it('publishes ports on the host loopback only', async () => {
    for (const service of services) {
      const info = await engine.client.docker.getContainer(service.containerId).inspect();
      const bindings = Object.values(info.NetworkSettings.Ports).flat().filter(Boolean);
      expect(bindings.length).toBeGreaterThan(0);
      for (const binding of bindings) expect(binding!.HostIp).toBe('127.0.0.1');
    }
  });

  it('the candidate reaches its services and nothing on the host', async () => {
    let accepted = 0;
    const server: Server = createServer((socket) => {
      accepted++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const gateways = [];
      for (const name of ['bridge', networks.internal, networks.publish]) {
        const info = await engine.client.docker.getNetwork(name).inspect();
        gateways.push(...(info.IPAM?.Config ?? []).map((c: { Gateway?: string }) => c.Gateway).filter(Boolean));
      }
      const hostAddresses = Object.values(networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4').map((a) => a!.address);
      const targets = [...new Set([...gateways, ...hostAddresses])].map((h) => `${h}:${port}`);
      const result = await sandbox.exec([sandbox.python, 'net_probe.py', 'pg:5432', 'maria:3306', ...targets], { timeoutMs: 120_000 });
      const lines = result.stdout.text.trim().split('\n');
      expect(lines.filter((l) => l.startsWith('CONNECTED'))).toEqual(['CONNECTED pg:5432', 'CONNECTED maria:3306']);
      expect(lines.filter((l) => l.startsWith('blocked'))).toHaveLength(targets.length);
      expect(lines.at(-1)).toBe('interfaces=eth0,lo');
      expect(accepted).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('the candidate account cannot run programs or read files on the database servers', async () => {
    const code = `
import os, sqlalchemy as sa
for name, sql in (("DATABASE_URL", "COPY (SELECT 1) TO PROGRAM 'id'"), ("MSPR_DB_MARIA_URL", "SELECT 1 INTO OUTFILE '/tmp/x'")):
    try:
        with sa.create_engine(os.environ[name]).begin() as c:
            c.execute(sa.text(sql))
        print(name, "ALLOWED")
    except Exception as error:
        print(name, "refused", type(error.orig).__name__)
`;
    const result = await sandbox.exec([sandbox.python, '-c', code], { timeoutMs: 60_000 });
    expect(result.stdout.text).toMatch(/^DATABASE_URL refused InsufficientPrivilege\nMSPR_DB_MARIA_URL refused OperationalError\n$/);
  });

  it('refuses mongodb with a clear error (no Debian package)', async () => {
    const error = await startServices('test-docker-mongo', [{ id: 'docs', kind: 'mongodb' }], networks, { client: engine.client }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MsprError);
    expect((error as MsprError).code).toBe('MSPR_SERVICE_FAILED');
    expect((error as MsprError).text.en).toContain('MongoDB is not packaged by Debian bookworm');
  });

  it.each(['docker', 'local'])('mspr-lab check starts the scenario’s PostgreSQL for the %s sandbox, then removes it', (sandboxName) => {
    const run = runCli(['check', fixture('docker/pg-writer'), '--scenario', fixture('scenarios/docker-postgres-service.yaml'), '--sandbox', sandboxName]);
    expect(run.exitCode, run.stderr).toBe(0);
    runs.track({ runId: run.report!.runId });
    const host = sandboxName === 'docker' ? 'warehouse' : '127.0.0.1';
    expect(run.report!.steps).toMatchObject([{ id: 'load', status: 'ok', stdoutTail: `produits: 3 lignes dans ${host}/ventes\n` }]);
  });
});
