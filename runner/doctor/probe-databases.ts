import { t } from '../i18n.js';
import type { ImageInfo } from '../images/image-lookup.js';
import { ADMIN_URL_VARIABLES, adminUrl, type LocalKind } from '../services/local/admin-urls.js';
import { type DoctorLine, line } from './doctor-line.js';
import { failureReason } from './failure-reason.js';

const NAMES: Record<LocalKind, string> = { postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB', mongodb: 'MongoDB' };
/** The docker image that serves a kind when no server is configured (MongoDB has none). */
const IMAGES: Partial<Record<LocalKind, string>> = { postgres: 'postgres', mysql: 'mariadb' };
/** An admin URL, `{password}` standing for the reader's (a word of their language, so it goes in the note, not in `fix`). */
const EXAMPLES: Record<LocalKind, string> = {
  postgres: 'postgresql://admin:{password}@127.0.0.1:5432/postgres',
  mysql: 'mysql://admin:{password}@127.0.0.1:3306/mysql',
  mongodb: 'mongodb://admin:{password}@127.0.0.1:27017/admin',
};

/**
 * One optional line per server kind: a configured admin URL that answers (`--services local`), else a service
 * image (`--services docker`). SQLite needs neither (the native-modules line covers it). Passwords never show.
 */
export async function probeDatabases(images: ImageInfo[], env: NodeJS.ProcessEnv = process.env): Promise<DoctorLine[]> {
  return Promise.all((Object.keys(ADMIN_URL_VARIABLES) as LocalKind[]).map((kind) => probeKind(kind, images, env)));
}

async function probeKind(kind: LocalKind, images: ImageInfo[], env: NodeJS.ProcessEnv): Promise<DoctorLine> {
  const variable = ADMIN_URL_VARIABLES[kind];
  const label = t(`Base ${NAMES[kind]}`, `${NAMES[kind]} database`);
  const need = t(`les scénarios (et --database) qui demandent ${NAMES[kind]}`, `scenarios (and --database) asking for ${NAMES[kind]}`);
  const image = IMAGES[kind] && images.find((found) => found.recipe === IMAGES[kind]);
  const viaImage = image ? t(` ; image ${image.tag} pour --services docker`, `; image ${image.tag} for --services docker`) : t('', '');
  const url = adminUrl(kind, env);
  const fix = IMAGES[kind] ? [`sudo mspr-lab images build ${IMAGES[kind]}`] : [];
  const example = (password: string) => `export ${variable}='${EXAMPLES[kind].replace('{password}', password)}'`;
  const fixNote = IMAGES[kind]
    ? t(`ou un serveur existant : « ${example('<mot-de-passe>')} »`, `or an existing server: “${example('<password>')}”`)
    : t(`un serveur existant : « ${example('<mot-de-passe>')} »`, `an existing server: “${example('<password>')}”`);
  if (!url) {
    const summary = image ? t(`${variable} non défini${viaImage.fr}`, `${variable} not set${viaImage.en}`) : t(`${variable} non défini, et pas d’image`, `${variable} not set, and no image`);
    return line({ id: `database-${kind}`, label, required: false, ok: Boolean(image), summary, need, fix, fixNote });
  }
  const where = `${url.hostname}:${url.port || defaultPort(kind)}`;
  try {
    const version = await serverVersion(kind, url);
    return line({ id: `database-${kind}`, label, required: false, ok: true, summary: t(`${where} : ${version}${viaImage.fr}`, `${where}: ${version}${viaImage.en}`), need });
  } catch (error) {
    const reason = failureReason(error, (text) => mask(text, url));
    return line({
      id: `database-${kind}`,
      label,
      required: false,
      ok: Boolean(image),
      summary: t(`${variable} (${where}) ne répond pas : ${reason.fr}${viaImage.fr}`, `${variable} (${where}) does not answer: ${reason.en}${viaImage.en}`),
      need,
      fix,
      fixNote,
    });
  }
}

async function serverVersion(kind: LocalKind, url: URL): Promise<string> {
  if (kind === 'postgres') {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url.href, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return `PostgreSQL ${(await client.query('SHOW server_version')).rows[0].server_version}`;
    } finally {
      await client.end();
    }
  }
  if (kind === 'mysql') {
    const mysql = await import('mysql2/promise');
    const connection = await mysql.createConnection({ uri: url.href, connectTimeout: 5_000 });
    try {
      const [rows] = await connection.query('SELECT VERSION() AS v');
      return `MySQL/MariaDB ${(rows as Array<{ v: string }>)[0]!.v}`;
    } finally {
      await connection.end();
    }
  }
  const { MongoClient } = await import('mongodb');
  const client = new MongoClient(url.href, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.connect();
    const info = await client.db('admin').command({ buildInfo: 1 });
    return `MongoDB ${info.version}`;
  } finally {
    await client.close();
  }
}

function defaultPort(kind: LocalKind): number {
  return { postgres: 5432, mysql: 3306, mongodb: 27017 }[kind];
}

/** A driver's error can quote the URL: its password is never printed. */
function mask(text: string, url: URL): string {
  const password = decodeURIComponent(url.password);
  return password ? text.split(password).join('***').split(url.password).join('***') : text;
}
