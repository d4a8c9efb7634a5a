import { lstatSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { CommittedFiles } from '../../evidence/committed-files.js';
import { decodeText } from '../../evidence/decode-text.js';
import { t, type Localized } from '../../i18n.js';
import type { ConnectionInfo } from '../service-connection.js';
import { partOf } from '../database-env-names.js';
import { databaseKey, urlKind } from './database-keys.js';
import { parseDotenv, withValue } from './dotenv-lines.js';

/** The run's first database server, as the code must reach it. */
export interface RunDatabase {
  kind: string;
  connection: ConnectionInfo;
}

/** The database the common variables name (the first server's), read back from the candidate's environment. */
export function runDatabaseOf(kinds: readonly string[], env: Record<string, string>): RunDatabase | undefined {
  const kind = kinds[0];
  if (!kind || !env.DATABASE_URL) return undefined;
  return { kind, connection: { host: env.DB_HOST ?? '', port: Number(env.DB_PORT), database: env.DB_NAME ?? '', user: env.DB_USER ?? '', password: env.DB_PASSWORD ?? '', url: env.DATABASE_URL } };
}

/** What rewriting the `.env` files did: notes for the report (key names, never a value) and what the team committed. */
export interface RunDotenv {
  notes: Localized[];
  /** The committed text of each file rewritten, or null for one written from an example (runner/evidence/committed-files.ts). */
  committed: CommittedFiles;
}

const MAX_BYTES = 64 * 1024;
const EXAMPLE = /^\.env\.(example|sample|template|dist|exemple)$/;
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__']);
/** A README line that copies the example to `.env` (`cp .env.example .env`, « copiez .env.example en .env »). */
const COPIES_EXAMPLE = /(\.env\.(example|sample|template|dist|exemple)\S*\s+\S*\.env\b)|((cp|copy|copie\w*|renomm\w*|rename|dupliqu\w*)\b[^\n]{0,80}\.env\.(example|sample|template|dist|exemple))/i;

/**
 * Points the team's `.env` files at the run's database: in every `.env` of the workspace (or a `.env`
 * written from the `.env.example` the README copies), the database keys (`POSTGRES_HOST`, `DB_PASSWORD`,
 * `DATABASE_URL`…) get the run's values and every other key stays as the team wrote it. Returns what the
 * report may say: the key names, never a value, and the committed text of what it rewrote (for the checks
 * that judge the team's files). Without a server, a `.env` naming one is pointed out.
 */
export function writeRunDotenv(workspaceDir: string, database: RunDatabase | undefined): RunDotenv {
  const notes: Localized[] = [];
  const committed = new Map<string, string | null>();
  for (const { file, target } of dotenvFiles(workspaceDir)) {
    const original = readSmallFile(join(workspaceDir, file));
    if (original === undefined) continue;
    const lines = original.split('\n');
    const parsed = parseDotenv(original);
    const set: string[] = [];
    const serverKeys: string[] = [];
    parsed.forEach((line, index) => {
      if (line.kind !== 'assign') return;
      const key = databaseKey(line.key);
      if (!key) return;
      const named = key.kind ?? (key.part === 'url' ? urlKind(line.value) : undefined);
      if (named && named !== 'sqlite') serverKeys.push(line.key);
      if (!database || (key.kind && key.kind !== database.kind)) return;
      lines[index] = withValue(line, key.part === 'url' ? urlFor(line.value, database) : partOf(database.connection, key.part));
      set.push(line.key);
    });
    if (database && set.length > 0) {
      committed.set(target, file === target ? decodeText(Buffer.from(original, 'latin1')).text : null);
      writeReplacing(join(workspaceDir, target), lines.join('\n'));
      const fromFr = file === target ? target : `${target} (copié de ${file}, comme le dit le README)`;
      const fromEn = file === target ? target : `${target} (copied from ${file}, as the README says)`;
      notes.push(t(`${fromFr} : les clés de base de données ${set.join(', ')} pointent vers la base de l’exécution ; les autres clés de l’équipe sont gardées (valeurs jamais reprises dans le rapport).`, `${fromEn}: the database keys ${set.join(', ')} point at the run's database; the team's other keys are kept (values never copied into the report).`));
    } else if (!database && serverKeys.length > 0) {
      notes.push(t(`${file} nomme un serveur de base de données (${serverKeys.join(', ')}) mais cette exécution n’en fournit pas : corrigez avec --database postgres (ou mysql).`, `${file} names a database server (${serverKeys.join(', ')}) but this run provides none: grade with --database postgres (or mysql).`));
    }
  }
  return { notes, committed };
}

/** `.env` files, and `.env.example`-like files the README copies where no `.env` sits beside them. */
function dotenvFiles(root: string): Array<{ file: string; target: string }> {
  const found: Array<{ file: string; target: string }> = [];
  const readmeCopies = readmeText(root);
  const walk = (dir: string, depth: number) => {
    if (depth > 4) return;
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    const names = new Set(entries.map((entry) => entry.name));
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(rel, depth + 1);
      else if (entry.isFile() && entry.name === '.env') found.push({ file: rel, target: rel });
      else if (entry.isFile() && EXAMPLE.test(entry.name) && !names.has('.env') && readmeCopies.some((text) => text.includes(entry.name) && COPIES_EXAMPLE.test(text))) {
        found.push({ file: rel, target: posix.join(dir, '.env') });
      }
    }
  };
  walk('', 0);
  return found;
}

function readmeText(root: string): string[] {
  try {
    return readdirSync(root)
      .filter((name) => /^readme/i.test(name))
      .map((name) => readSmallFile(join(root, name)) ?? '')
      .flatMap((text) => text.split('\n'));
  } catch {
    return [];
  }
}

/** A regular file (never through a link) under the size cap, byte for byte as latin1 so unchanged lines round-trip. */
function readSmallFile(path: string): string | undefined {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return readFileSync(path).toString('latin1');
  } catch {
    return undefined;
  }
}

/** Writes beside, then renames over: a link the team left at that name is replaced, never followed. */
function writeReplacing(path: string, text: string): void {
  const temporary = join(dirname(path), `.env.mspr-${process.pid}`);
  writeFileSync(temporary, Buffer.from(text, 'latin1'), { flag: 'wx', mode: 0o600 });
  renameSync(temporary, path);
}

/** The team's URL with the run's server in it; their driver (`postgresql+psycopg2`) is kept when it names the same kind. */
function urlFor(value: string, database: RunDatabase): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value.trim())?.[1];
  const ours = database.connection.url;
  if (!scheme || urlKind(value) !== database.kind) return ours;
  return ours.replace(/^[a-z][a-z0-9+.-]*:\/\//i, `${scheme}://`);
}
