import { describe, expect, it } from 'vitest';
import { withDatabaseKind } from '../../scenarios/override-database.js';
import { loadScenario } from '../../scenarios/load-scenario.js';
import { openInspector } from '../../runner/evidence/db/open-inspector.js';
import { LocalServiceProvider } from '../../runner/services/local-service-provider.js';
import { describeEachDatabase, localServicesEnv } from '../helpers/database-servers.js';

describe('local service provider: configuration', () => {
  it('names the admin URL to set when a server is not configured', async () => {
    const provider = new LocalServiceProvider({});
    expect(provider.missing([{ id: 'db', kind: 'postgres' }, { id: 'cache', kind: 'sqlite' }])).toEqual(['MSPR_POSTGRES_ADMIN_URL']);
    await expect(provider.start('run-1', [{ id: 'db', kind: 'mysql' }], 'local')).rejects.toThrow('MSPR_MYSQL_ADMIN_URL not set');
  });

  it('refuses a docker sandbox, which cannot reach the host’s loopback', async () => {
    await expect(new LocalServiceProvider({ MSPR_POSTGRES_ADMIN_URL: 'postgresql://a:b@127.0.0.1:1/postgres' }).start('run-1', [{ id: 'db', kind: 'postgres' }], 'docker')).rejects.toThrow(
      'cannot be reached from the docker sandbox',
    );
  });

  it('--database switches the bloc-1 scenario’s only service', async () => {
    const switched = withDatabaseKind(await loadScenario('cdp-data-ia-bloc1-etl'), 'postgres');
    expect(switched.scenario.services).toEqual([{ id: 'db', kind: 'postgres' }]);
  });
});

describeEachDatabase(['postgres', 'mysql'], 'local service provider: a fresh database and account per run, dropped after', (kind) => {
  it('creates a database the candidate’s account can use, and drops it on dispose', async () => {
    const provider = new LocalServiceProvider(localServicesEnv());
    const [first, second] = await Promise.all([provider.start('run-a', [{ id: 'db', kind }], 'local'), provider.start('run-b', [{ id: 'db', kind }], 'local')]);
    const endpoint = first.endpoints.get('db')!;
    expect(endpoint.database).not.toBe(second.endpoints.get('db')!.database);
    expect(first.candidateEnv.DATABASE_URL).toMatch(kind === 'postgres' ? /^postgresql:\/\/mspr_db_/ : /^mysql\+pymysql:\/\/mspr_db_/);
    expect(first.candidateEnv.MSPR_DB_DB_URL).toBe(first.candidateEnv.DATABASE_URL);
    const db = await openInspector(endpoint, 'test');
    expect(await db.listTables()).toEqual([]);
    await db.close();
    await Promise.all([first.dispose(), second.dispose()]);
    await expect(openInspector(endpoint, 'test')).rejects.toThrow(/unreachable/);
  });
});
