import { t } from '../i18n.js';
import type { FailureContext } from './failure-context.js';
import type { PythonError } from './python-error.js';
import type { StepFailure } from './step-failure.js';

const UNREACHABLE = /Name or service not known|Temporary failure in name resolution|nodename nor servname|getaddrinfo failed|could not translate host name|Connection refused|Network is unreachable|No route to host|Errno 11[013]\b|Errno -[23]\b|Can't connect to|Failed to establish a new connection|ServerSelectionTimeoutError|timed out/;
const DATABASE_ERROR = /psycopg2?|pymysql|MySQLdb|mysql\.connector|pymongo|sqlalchemy\.exc\.OperationalError|OperationalError|InterfaceError/;
const DATABASE_REFUSED = /password authentication failed|Access denied for user|database "[^"]+" does not exist|Unknown database|role "[^"]+" does not exist/;
const PORTS: Record<string, string> = { 5432: 'postgres', 3306: 'mysql', 27017: 'mongodb' };
/** Hosts that appear in error texts without being what the code tried to reach. */
const NOT_TARGETS = /(^|\.)(sqlalche\.me|docs\.python\.org|pandas\.pydata\.org|scikit-learn\.org)$/;
/** Settings a database is read from; a KeyError on one of them means the run did not set it. */
export const DATABASE_SETTING = /^(DATABASE_URL|SQLALCHEMY_DATABASE_URI|PG(HOST|PORT|DATABASE|USER|PASSWORD)|(\w+_)?(DB|DATABASE|POSTGRES(QL)?|PG|MYSQL|MARIADB|MONGO(DB)?)_(HOST|PORT|NAME|DB|DATABASE|USER|USERNAME|PASSWORD|PASS|PWD|URL|URI))$/;

/** A host or database the code could not reach: this machine's network or services, not the team's code. */
export function classifyConnection(error: PythonError, context: FailureContext, base: Partial<StepFailure>): StepFailure | undefined {
  const envKey = missingSetting(error);
  if (envKey) return databaseMissing(context, base, { setting: envKey });
  const texts = error.chain.map((item) => `${item.type}: ${item.message}`).join('\n');
  const databaseLike = DATABASE_ERROR.test(texts) || /port (5432|3306|27017)\b|:(5432|3306|27017)\b/.test(error.text);
  if (databaseLike && (UNREACHABLE.test(error.text) || DATABASE_REFUSED.test(error.text))) {
    return databaseMissing(context, base, { host: hostOf(error), kind: kindOf(error.text) });
  }
  if (!UNREACHABLE.test(texts)) return undefined;
  const host = hostOf(error) ?? hostInSource(base.location?.file, context);
  return {
    ...base, owner: 'environment', cause: 'network', host,
    message: t(`Le code télécharge des données ou appelle ${host ? `l’hôte ${host}` : 'un hôte distant'}, que le bac à sable ne joint pas (réseau coupé).`, `The code downloads data or calls ${host ? `the host ${host}` : 'a remote host'}, which the sandbox does not reach (network off).`),
    hint: t('L’équipe doit versionner les données (ou un échantillon) dans le dépôt ; le correcteur peut aussi les fournir comme jeu de données du scénario.', 'The team should commit the data (or a sample) to the repository; the grader can also hand it over as a scenario dataset.'),
  };
}

function databaseMissing(context: FailureContext, base: Partial<StepFailure>, found: { host?: string; kind?: string; setting?: string }): StepFailure {
  const what = found.setting ? t(`lit le réglage ${found.setting}`, `reads the setting ${found.setting}`) : t(`se connecte à une base${found.host ? ` sur ${found.host}` : ''}`, `connects to a database${found.host ? ` at ${found.host}` : ''}`);
  if (context.servers.length === 0) {
    const option = found.kind === 'mysql' ? 'mysql' : found.kind === 'mongodb' ? 'mongodb' : 'postgres';
    return {
      ...base, owner: 'environment', cause: 'database-missing', host: found.host,
      message: t(`Le code ${what.fr}, et cette exécution ne fournit aucun serveur de base de données.`, `The code ${what.en}, and this run provides no database server.`),
      hint: t(`Corrigez avec --database ${option} : la base de l’exécution est donnée au code par DATABASE_URL, PGHOST…, POSTGRES_HOST…, MYSQL_HOST…, DB_HOST… et dans un .env.`, `Grade with --database ${option}: the run's database is handed to the code as DATABASE_URL, PGHOST…, POSTGRES_HOST…, MYSQL_HOST…, DB_HOST… and in a .env.`),
    };
  }
  return {
    ...base, owner: 'environment', cause: 'database-missing', host: found.host,
    message: t(`Le code ${what.fr}, qui n’est pas la base fournie par cette exécution.`, `The code ${what.en}, which is not the database this run provides.`),
    hint: t('L’équipe doit lire ses réglages de base dans l’environnement ou un .env (DATABASE_URL, PGHOST…, POSTGRES_HOST…, MYSQL_HOST…, DB_HOST…), que l’exécution renseigne.', 'The team should read its database settings from the environment or a .env (DATABASE_URL, PGHOST…, POSTGRES_HOST…, MYSQL_HOST…, DB_HOST…), which the run fills in.'),
  };
}

/** `KeyError: 'DATABASE_URL'` raised by `os.environ[...]`. */
function missingSetting(error: PythonError): string | undefined {
  if (!error.exception.type.endsWith('KeyError')) return undefined;
  const key = /^'([^']+)'$/.exec(error.exception.message)?.[1];
  const fromEnviron = error.frames.some((frame) => /(^<frozen os>$|\/os\.py$)/.test(frame.file) && frame.function === '__getitem__') || error.frames.some((frame) => /environ\[/.test(frame.source ?? ''));
  return key && fromEnviron && DATABASE_SETTING.test(key) ? key : undefined;
}

function hostOf(error: PythonError): string | undefined {
  const candidates = [
    ...[...error.text.matchAll(/host(?:=|name )?['"]([^'"]+)['"]/g)].map((m) => m[1]!),
    ...[...error.text.matchAll(/server (?:at|on) ['"]([^'"]+)['"]/g)].map((m) => m[1]!),
    ...error.frames.flatMap((frame) => [...(frame.source ?? '').matchAll(/https?:\/\/([^/\s'"]+)/g)].map((m) => m[1]!)),
    ...[...error.text.matchAll(/https?:\/\/([^/\s'"]+)/g)].map((m) => m[1]!),
  ];
  return candidates.find((host) => !NOT_TARGETS.test(host));
}

/** `urlretrieve(URL, …)`: the URL is a constant of the file that made the call. */
function hostInSource(file: string | undefined, context: FailureContext): string | undefined {
  if (!file || !file.endsWith('.py')) return undefined;
  try {
    const bytes = context.workspace.readBytes(file);
    if (bytes.length > 512 * 1024) return undefined;
    return [...bytes.toString('utf8').matchAll(/https?:\/\/([^/\s'"]+)/g)].map((m) => m[1]!).find((host) => !NOT_TARGETS.test(host));
  } catch {
    return undefined;
  }
}

function kindOf(text: string): string | undefined {
  if (/psycopg|postgres/i.test(text)) return 'postgres';
  if (/mysql|mariadb/i.test(text)) return 'mysql';
  if (/pymongo|mongo/i.test(text)) return 'mongodb';
  const port = /port (\d+)|:(\d{4,5})\b/.exec(text);
  return port ? PORTS[port[1] ?? port[2]!] : undefined;
}
