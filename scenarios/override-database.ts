import { MsprError } from '../runner/errors.js';
import { t } from '../runner/i18n.js';
import type { LoadedScenario, ServiceKind } from './scenario.js';

/**
 * The scenario with its database service switched to another kind (`--database postgres`): bloc-1
 * scenarios are written for SQLite and accept PostgreSQL, MySQL/MariaDB or MongoDB as options. The service
 * switched is the only one, or the one with id `db`.
 */
export function withDatabaseKind(loaded: LoadedScenario, kind: ServiceKind): LoadedScenario {
  const services = loaded.scenario.services;
  const target = services.length === 1 ? services[0] : services.find((s) => s.id === 'db');
  if (!target) {
    throw new MsprError('MSPR_USAGE', t(`--database : le scénario ${loaded.scenario.id} n'a pas de service de base unique (ni de service « db »).`, `--database: scenario ${loaded.scenario.id} has no single database service (and none named "db").`));
  }
  const switched = services.map((s) => (s === target ? { id: s.id, kind, ...(kind !== 'sqlite' && s.database ? { database: s.database } : {}) } : s));
  return { ...loaded, scenario: { ...loaded.scenario, services: switched } };
}
