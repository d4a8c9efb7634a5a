import { randomBytes } from 'node:crypto';
import type { ServiceSpec } from '../../scenarios/scenario.js';
import type { ServiceEndpoint } from '../evidence/db/service-endpoint.js';
import { MsprError } from '../errors.js';
import { t } from '../i18n.js';
import { onShutdown } from '../shutdown.js';
import { adminUrl, missingAdminUrls, type LocalKind } from './local/admin-urls.js';
import type { LocalDatabase } from './local/local-database.js';
import { runNames } from './local/local-database.js';
import { createMongoDatabase } from './local/mongodb-database.js';
import { createMysqlDatabase } from './local/mysql-database.js';
import { createPostgresDatabase } from './local/postgres-database.js';
import { addServiceEnv, serviceEnv } from './service-connection.js';
import { serviceFailure } from './service-failure.js';
import type { ServiceProvider, StartedServices } from './service-provider.js';
import { plural } from '../i18n/format.js';

/**
 * Uses database servers already running on this machine (admin URLs in `MSPR_POSTGRES_ADMIN_URL`,
 * `MSPR_MYSQL_ADMIN_URL`, `MSPR_MONGODB_URL`): one fresh database and account per run and service, named
 * after the run so parallel runs never meet, dropped on dispose. Only the local sandbox can reach them:
 * a docker sandbox has no route to the host's loopback.
 */
export class LocalServiceProvider implements ServiceProvider {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** Admin URL variables still to set for these services (empty when the provider can serve them all). */
  missing(services: readonly ServiceSpec[]): string[] {
    return missingAdminUrls(services.map((s) => s.kind), this.env);
  }

  async start(runId: string, services: ServiceSpec[], backend: 'local' | 'docker'): Promise<StartedServices> {
    if (backend === 'docker') {
      throw new MsprError('MSPR_SERVICE_FAILED', t('Les serveurs locaux ne sont pas joignables depuis le bac à sable docker.', 'Local database servers cannot be reached from the docker sandbox.'), {
        hint: t(
          'Utilisez --services docker (des serveurs en conteneurs, joignables depuis le bac à sable). --services local ne va qu’avec --sandbox local, qui n’isole rien : seulement pour votre propre dépôt.',
          'Use --services docker (servers in containers the sandbox can reach). --services local only goes with --sandbox local, which isolates nothing: your own repository only.',
        ),
      });
    }
    const missing = this.missing(services);
    if (missing.length > 0) {
      throw new MsprError('MSPR_SERVICE_FAILED', t(`Serveurs locaux non configurés : ${missing.join(', ')} ${plural(missing.length, 'fr', 'absent', 'absents')}.`, `Local database servers not configured: ${missing.join(', ')} not set.`), {
        hint: t('Lancez `source .ci/steps/10-databases.sh` (PostgreSQL et MariaDB), ou utilisez --services docker.', 'Run `source .ci/steps/10-databases.sh` (PostgreSQL and MariaDB), or use --services docker.'),
      });
    }
    const suffix = `${runId.replace(/[^a-z0-9]/gi, '').slice(-12).toLowerCase()}${randomBytes(3).toString('hex')}`;
    const created: LocalDatabase[] = [];
    const unregister = onShutdown(() => dropAll(created));
    try {
      const endpoints = new Map<string, ServiceEndpoint>();
      const candidateEnv: Record<string, string> = {};
      for (const service of services) {
        if (service.kind === 'sqlite') continue;
        const database = await create(service, suffix, this.env).catch((error: unknown) => {
          throw error instanceof MsprError ? error : serviceFailure(service.id, t(`création de la base impossible : ${(error as Error).message}`, `cannot create the database: ${(error as Error).message}`));
        });
        created.push(database);
        const { connection } = database;
        endpoints.set(service.id, { serviceId: service.id, kind: service.kind, host: connection.host, port: connection.port, user: connection.user, password: connection.password, database: connection.database, url: database.nativeUrl });
        addServiceEnv(candidateEnv, serviceEnv(service.id, connection, service.kind));
      }
      return {
        endpoints,
        candidateEnv,
        dispose: async () => {
          unregister();
          await dropAll(created);
        },
      };
    } catch (error) {
      unregister();
      await dropAll(created);
      throw error;
    }
  }
}

async function create(service: ServiceSpec, suffix: string, env: NodeJS.ProcessEnv): Promise<LocalDatabase> {
  const admin = adminUrl(service.kind as LocalKind, env)!;
  const names = runNames(service.id, suffix);
  const password = randomBytes(12).toString('hex');
  if (service.kind === 'postgres') return createPostgresDatabase(admin, names, password);
  if (service.kind === 'mysql') return createMysqlDatabase(admin, names, password);
  return createMongoDatabase(admin, names);
}

async function dropAll(created: LocalDatabase[]): Promise<void> {
  const results = await Promise.allSettled(created.map((database) => database.drop()));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
