import type { ServiceKind } from '../../../scenarios/scenario.js';
import { MsprError } from '../../errors.js';
import type { DbInspector } from './db-inspector.js';
import type { ServiceEndpoint } from './service-endpoint.js';
import { openSqliteInspector } from './sqlite-inspector.js';

type Opener = (endpoint: ServiceEndpoint, label: string) => Promise<DbInspector>;

/** One opener per database kind; each loads its driver only when called. */
const openers: Record<ServiceKind, Opener> = {
  sqlite: (endpoint, label) => openSqliteInspector(endpoint.path!, label),
  postgres: async (endpoint, label) => (await import('./postgres-inspector.js')).openPostgresInspector(endpoint, label),
  mysql: async (endpoint, label) => (await import('./mysql-inspector.js')).openMysqlInspector(endpoint, label),
  mongodb: async (endpoint, label) => (await import('./mongodb-inspector.js')).openMongoInspector(endpoint, label),
};

export async function openInspector(endpoint: ServiceEndpoint, label: string): Promise<DbInspector> {
  const opener = openers[endpoint.kind];
  if (!opener) {
    throw new MsprError('MSPR_DB_UNREACHABLE', {
      fr: `Le type de base « ${endpoint.kind} » n'est pas encore pris en charge.`,
      en: `Database kind "${endpoint.kind}" is not supported yet.`,
    });
  }
  try {
    return await opener(endpoint, label);
  } catch (error) {
    if (error instanceof MsprError) throw error;
    throw new MsprError(
      'MSPR_DB_UNREACHABLE',
      { fr: `Base ${label} injoignable : ${(error as Error).message}`, en: `Database ${label} unreachable: ${(error as Error).message}` },
      { hint: { fr: 'Vérifiez que le pipeline crée bien la base à l’endroit déclaré.', en: 'Check that the pipeline creates the database where it is declared.' }, cause: error },
    );
  }
}
