import { describe, expect, it } from 'vitest';
import { planOf } from './plan-helpers.js';

const SQLITE_ONLY = [{ id: 'db', kind: 'sqlite' as const }];

describe('run plan notes: a database server the code expects and the scenario does not start', () => {
  it('psycopg2 imported: suggests --database postgres; with a PostgreSQL service, says nothing', () => {
    const files = { 'etl.py': 'import pandas as pd\nimport psycopg2\n' };
    expect(planOf(files, { services: SQLITE_ONLY }).notes.slice(1).map((n) => n.en)).toEqual([
      'The code expects PostgreSQL (etl.py:2); the scenario starts no database server: grade with --database postgres to give it one.',
    ]);
    expect(planOf(files, { services: [{ id: 'db', kind: 'postgres' }] }).notes.slice(1)).toEqual([]);
  });

  it('MySQL keys in .env.example (values never read into the note), a mysql+pymysql URL in a notebook', () => {
    const plan = planOf({ '.env.example': 'MYSQL_HOST=localhost\nMYSQL_PASSWORD=secret-value\n', 'notebooks/load.ipynb': JSON.stringify({ cells: [{ cell_type: 'code', source: ['engine = create_engine("mysql+pymysql://u:p@h/db")'] }] }) }, { services: [] });
    const notes = plan.notes.slice(1).map((n) => n.en);
    expect(notes).toEqual(['The code expects MySQL/MariaDB (notebooks/load.ipynb); the scenario starts no database server: grade with --database mysql to give it one.']);
    expect(JSON.stringify(plan)).not.toContain('secret-value');
  });

  it('POSTGRES_* keys in .env, in French; SQLite-only code gets no note', () => {
    const plan = planOf({ '.env': 'POSTGRES_USER=equipe\nPOSTGRES_DB=ventes\n', 'etl.py': 'import sqlite3\n' }, { services: SQLITE_ONLY });
    expect(plan.notes.slice(1).map((n) => n.fr)).toEqual(['Le code attend PostgreSQL (.env:1) ; le scénario ne démarre aucun serveur de base de données : évaluez avec --database postgres pour lui en donner un.']);
    expect(planOf({ 'etl.py': 'import sqlite3\nfrom sqlalchemy import create_engine\ncreate_engine("sqlite:///x.db")\n' }, { services: SQLITE_ONLY }).notes.slice(1)).toEqual([]);
  });
});
