/** Which server kinds the local provider can serve, and the admin URL of each (from the environment). */
export type LocalKind = 'postgres' | 'mysql' | 'mongodb';

/**
 * Admin URLs of database servers already running on this machine (started by `.ci/steps/10-databases.sh` or
 * by hand). The admin account creates one database and one account per run and drops them afterwards.
 */
export const ADMIN_URL_VARIABLES: Record<LocalKind, string> = {
  postgres: 'MSPR_POSTGRES_ADMIN_URL',
  mysql: 'MSPR_MYSQL_ADMIN_URL',
  mongodb: 'MSPR_MONGODB_URL',
};

export function adminUrl(kind: LocalKind, env: NodeJS.ProcessEnv = process.env): URL | undefined {
  const value = env[ADMIN_URL_VARIABLES[kind]];
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The kinds among `kinds` that have no usable admin URL. */
export function missingAdminUrls(kinds: Iterable<string>, env: NodeJS.ProcessEnv = process.env): string[] {
  return [...new Set(kinds)].filter((kind) => kind !== 'sqlite' && !adminUrl(kind as LocalKind, env)).map((kind) => ADMIN_URL_VARIABLES[kind as LocalKind] ?? kind);
}
