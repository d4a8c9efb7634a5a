import { existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonDatabaseEnv } from '../../runner/services/database-env-names.js';
import { databaseKey } from '../../runner/services/run-dotenv/database-keys.js';
import { type RunDatabase, writeRunDotenv } from '../../runner/services/run-dotenv/write-run-dotenv.js';
import { connectionInfo, serviceEnv } from '../../runner/services/service-connection.js';
import { tempRepo } from '../helpers/temp-repo.js';

const POSTGRES: RunDatabase = { kind: 'postgres', connection: connectionInfo('postgresql', { host: '127.0.0.1', port: 55432, user: 'mspr_u1', password: 'c0ffee', database: 'mspr_db1' }) };
const TEAM_ENV = [
  '# base locale',
  'POSTGRES_HOST=localhost',
  'POSTGRES_PORT = 5432',
  'export POSTGRES_PASSWORD="secret-equipe"  # à changer',
  'DATABASE_URL=postgresql+psycopg2://postgres:secret-equipe@localhost:5432/boutique',
  'MYSQL_HOST=mysql.local',
  'API_KEY=cle-api-equipe',
  'SEPARATEUR=" ; "',
  '',
].join('\n');

describe('the run’s .env: database keys point at the run’s database, every other key stays', () => {
  it('rewrites POSTGRES_*, DATABASE_URL (keeping the team’s driver) and says which keys, never a value', () => {
    const repo = tempRepo({ '.env': TEAM_ENV });
    const { notes, committed } = writeRunDotenv(repo.root, POSTGRES);
    // What the team committed is kept for the checks that judge their files (repo/no-secrets).
    expect([...committed]).toEqual([['.env', TEAM_ENV]]);
    expect(readFileSync(join(repo.root, '.env'), 'utf8')).toBe(
      [
        '# base locale',
        'POSTGRES_HOST=127.0.0.1',
        'POSTGRES_PORT=55432',
        'export POSTGRES_PASSWORD="c0ffee"  # à changer',
        'DATABASE_URL=postgresql+psycopg2://mspr_u1:c0ffee@127.0.0.1:55432/mspr_db1',
        'MYSQL_HOST=mysql.local',
        'API_KEY=cle-api-equipe',
        'SEPARATEUR=" ; "',
        '',
      ].join('\n'),
    );
    expect(notes.map((n) => n.en)).toEqual([".env: the database keys POSTGRES_HOST, POSTGRES_PORT, POSTGRES_PASSWORD, DATABASE_URL point at the run's database; the team's other keys are kept (values never copied into the report)."]);
    expect(JSON.stringify(notes)).not.toMatch(/secret-equipe|cle-api-equipe|c0ffee/);
  });

  it('writes a .env from the .env.example the README copies, and only then', () => {
    const copied = tempRepo({ 'README.md': '## Installation\n\n```bash\ncp .env.example .env\n```\n', '.env.example': 'DB_HOST=localhost\nDB_NAME=ventes\n' });
    const { notes, committed } = writeRunDotenv(copied.root, POSTGRES);
    // The .env is the runner's, not the team's: nothing committed at that path.
    expect([...committed]).toEqual([['.env', null]]);
    expect(readFileSync(join(copied.root, '.env'), 'utf8')).toBe('DB_HOST=127.0.0.1\nDB_NAME=mspr_db1\n');
    expect(notes[0]!.fr).toBe('.env (copié de .env.example, comme le dit le README) : les clés de base de données DB_HOST, DB_NAME pointent vers la base de l’exécution ; les autres clés de l’équipe sont gardées (valeurs jamais reprises dans le rapport).');
    const silent = tempRepo({ 'README.md': '# Projet\n', '.env.example': 'DB_HOST=localhost\n' });
    expect(writeRunDotenv(silent.root, POSTGRES).notes).toEqual([]);
    expect(existsSync(join(silent.root, '.env'))).toBe(false);
  });

  it('never reads nor writes through a link the team left at .env', () => {
    const repo = tempRepo({ 'cible.txt': 'DB_HOST=localhost\n', 'README.md': 'Copiez `.env.example` en `.env`.\n', '.env.example': 'DB_HOST=localhost\n' });
    symlinkSync(join(repo.root, 'cible.txt'), join(repo.root, '.env'));
    // A .env that is a link is not read (never followed), and the example is not used either: a .env is there.
    expect(writeRunDotenv(repo.root, POSTGRES).notes).toEqual([]);
    expect(readFileSync(join(repo.root, 'cible.txt'), 'utf8')).toBe('DB_HOST=localhost\n');
    expect(lstatSync(join(repo.root, '.env')).isSymbolicLink()).toBe(true);
  });

  it('without a database server, a .env naming one is pointed out (and left alone)', () => {
    const repo = tempRepo({ 'app/.env': 'PGHOST=localhost\nPGUSER=postgres\nDEBUG=1\n' });
    const { notes } = writeRunDotenv(repo.root, undefined);
    expect(notes.map((n) => n.en)).toEqual(['app/.env names a database server (PGHOST, PGUSER) but this run provides none: grade with --database postgres (or mysql).']);
    expect(readFileSync(join(repo.root, 'app/.env'), 'utf8')).toBe('PGHOST=localhost\nPGUSER=postgres\nDEBUG=1\n');
    writeFileSync(join(repo.root, 'app/.env'), 'DATABASE_URL=sqlite:///boutique.db\n');
    expect(writeRunDotenv(repo.root, undefined).notes).toEqual([]);
  });

  it('reads database keys by their common names, and not other keys', () => {
    expect(databaseKey('POSTGRES_DB')).toEqual({ part: 'database', kind: 'postgres' });
    expect(databaseKey('PGPASSWORD')).toEqual({ part: 'password', kind: 'postgres' });
    expect(databaseKey('MYSQL_DATABASE')).toEqual({ part: 'database', kind: 'mysql' });
    expect(databaseKey('APP_DB_USER')).toEqual({ part: 'user', kind: undefined });
    expect(databaseKey('SQLALCHEMY_DATABASE_URI')).toEqual({ part: 'url' });
    for (const key of ['API_KEY', 'HOST', 'PORT', 'SECRET_KEY', 'DEBUG', 'DB']) expect(databaseKey(key), key).toBeUndefined();
  });
});

describe('the run’s database under the common names', () => {
  it('PostgreSQL: libpq’s PG*, POSTGRES_*, DB_*, DATABASE_URL and MSPR_DB_<ID>_URL', () => {
    expect(serviceEnv('warehouse', POSTGRES.connection, 'postgres')).toEqual({
      DATABASE_URL: 'postgresql://mspr_u1:c0ffee@127.0.0.1:55432/mspr_db1',
      DB_HOST: '127.0.0.1', DB_PORT: '55432', DB_NAME: 'mspr_db1', DB_USER: 'mspr_u1', DB_PASSWORD: 'c0ffee',
      PGHOST: '127.0.0.1', PGPORT: '55432', PGDATABASE: 'mspr_db1', PGUSER: 'mspr_u1', PGPASSWORD: 'c0ffee',
      POSTGRES_HOST: '127.0.0.1', POSTGRES_PORT: '55432', POSTGRES_DB: 'mspr_db1', POSTGRES_USER: 'mspr_u1', POSTGRES_PASSWORD: 'c0ffee',
      MSPR_DB_WAREHOUSE_URL: 'postgresql://mspr_u1:c0ffee@127.0.0.1:55432/mspr_db1',
    });
  });

  it('MySQL: MYSQL_* and no PostgreSQL names', () => {
    const env = commonDatabaseEnv('mysql', connectionInfo('mysql+pymysql', { host: 'db', port: 3306, user: 'u', password: 'p', database: 'd' }));
    expect(env).toMatchObject({ MYSQL_HOST: 'db', MYSQL_PORT: '3306', MYSQL_DATABASE: 'd', MYSQL_USER: 'u', MYSQL_PASSWORD: 'p', DATABASE_URL: 'mysql+pymysql://u:p@db:3306/d' });
    expect(Object.keys(env).filter((key) => key.startsWith('PG') || key.startsWith('POSTGRES'))).toEqual([]);
  });
});
