import { describe } from 'vitest';
import type { ServiceKind } from '../../scenarios/scenario.js';
import { ADMIN_URL_VARIABLES } from '../../runner/services/local/admin-urls.js';

/**
 * Which real database servers this machine offers the tests. PostgreSQL and MariaDB come from
 * `.ci/steps/10-databases.sh`: under CI (`MSPR_CI=1`) their absence is a failure, elsewhere the suites skip.
 * MongoDB cannot be installed here (no Debian or npm package ships mongod): its suites run only when
 * `MSPR_TEST_MONGODB_URL` names a server, in CI too.
 */
export function serverAvailable(kind: Exclude<ServiceKind, 'sqlite'>): boolean {
  if (kind === 'mongodb') return Boolean(process.env.MSPR_TEST_MONGODB_URL);
  const present = Boolean(process.env[ADMIN_URL_VARIABLES[kind]]);
  if (!present && process.env.MSPR_CI === '1') throw new Error(`${ADMIN_URL_VARIABLES[kind]} is not set under MSPR_CI=1: .ci/steps/10-databases.sh must start ${kind}`);
  return present;
}

/** Environment for the local service provider: the MongoDB test server doubles as its admin URL. */
export function localServicesEnv(): NodeJS.ProcessEnv {
  return { ...process.env, ...(process.env.MSPR_TEST_MONGODB_URL ? { MSPR_MONGODB_URL: process.env.MSPR_TEST_MONGODB_URL } : {}) };
}

/** `describe` for each database kind, skipped (with the reason in its name) when the server is absent. */
export function describeEachDatabase(kinds: ServiceKind[], name: string, body: (kind: ServiceKind) => void): void {
  for (const kind of kinds) {
    const available = kind === 'sqlite' || serverAvailable(kind);
    const reason = kind === 'mongodb' ? 'MSPR_TEST_MONGODB_URL not set' : `${kind} admin URL not set (source .ci/steps/10-databases.sh)`;
    (available ? describe : describe.skip)(`${name} [${kind}]${available ? '' : ` — skipped: ${reason}`}`, () => body(kind));
  }
}
