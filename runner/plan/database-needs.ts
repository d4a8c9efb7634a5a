import type { ServiceSpec } from '../../scenarios/scenario.js';
import { t, type Localized } from '../i18n.js';
import { codeOf } from './own-package-imports.js';
import type { RepoFiles } from './repo-files.js';

type ServerKind = 'postgres' | 'mysql';

const DRIVERS: Array<[RegExp, ServerKind]> = [
  [/^[ \t]*(?:import|from)[ \t]+(psycopg2|psycopg|asyncpg|pg8000)\b/m, 'postgres'],
  [/^[ \t]*(?:import|from)[ \t]+(pymysql|MySQLdb|aiomysql|mysql\.connector|mysql[ \t]+import[ \t]+connector)\b/m, 'mysql'],
];
const URLS: Array<[RegExp, ServerKind]> = [
  [/\bpostgres(?:ql)?(?:\+\w+)?:\/\//, 'postgres'],
  [/\bmysql(?:\+\w+)?:\/\/|\bmariadb(?:\+\w+)?:\/\//, 'mysql'],
];
const ENV_KEYS: Array<[RegExp, ServerKind]> = [
  [/^\s*(?:export\s+)?(POSTGRES_\w+|PG(HOST|PORT|DATABASE|USER|PASSWORD))\s*=/m, 'postgres'],
  [/^\s*(?:export\s+)?(MYSQL_\w+|MARIADB_\w+)\s*=/m, 'mysql'],
];
const ENV_FILES = ['.env', '.env.example', '.env.sample', '.env.template', 'env.example', '.env.dist'];
const MAX_FILES = 400;

/**
 * A database server the code expects that the scenario does not start: a driver imported, a URL, or
 * `POSTGRES_*`/`MYSQL_*` keys in a `.env`. Said in the plan with the option that provides one. Only key
 * names are read from `.env` files, never printed values.
 */
export function databaseNotes(repo: RepoFiles, services: ServiceSpec[] | undefined): Localized[] {
  if (services?.some((service) => service.kind === 'postgres' || service.kind === 'mysql')) return [];
  const found = new Map<ServerKind, string>();
  const code = repo.list().filter((path) => path.endsWith('.py') || path.endsWith('.ipynb')).slice(0, MAX_FILES);
  for (const path of code) {
    const text = codeOf(repo, path);
    for (const [pattern, kind] of [...DRIVERS, ...URLS]) {
      const match = pattern.exec(text);
      if (match && !found.has(kind)) found.set(kind, path.endsWith('.py') ? `${path}:${lineOf(text, match.index)}` : path);
    }
  }
  for (const file of ENV_FILES) {
    const text = repo.text(file, 64 * 1024);
    if (text === undefined) continue;
    for (const [pattern, kind] of [...ENV_KEYS, ...URLS]) {
      const match = pattern.exec(text);
      if (match && !found.has(kind)) found.set(kind, `${file}:${lineOf(text, match.index)}`);
    }
  }
  return [...found].map(([kind, where]) => {
    const name = kind === 'postgres' ? 'PostgreSQL' : 'MySQL/MariaDB';
    const without = services === undefined ? '' : ' ; le scénario ne démarre aucun serveur de base de données';
    const withoutEn = services === undefined ? '' : '; the scenario starts no database server';
    return t(
      `Le code attend ${name} (${where})${without} : évaluez avec --database ${kind} pour lui en donner un.`,
      `The code expects ${name} (${where})${withoutEn}: grade with --database ${kind} to give it one.`,
    );
  });
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
