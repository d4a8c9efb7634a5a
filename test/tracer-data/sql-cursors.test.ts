import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DataReadEvent, SqlEvent, SqlFetchEvent } from '../../runner/tracer/data-event-types.js';
import { describeEachDatabase } from '../helpers/database-servers.js';
import { runTracedScript } from '../helpers/run-traced-script.js';
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.js';

/**
 * SQL sent the ways teams send it to PostgreSQL besides a plain cursor: cursors of a `cursor_factory` (given to
 * connect() or to cursor()), psycopg2.extras' execute_values, copy_from / copy_expert, SQLAlchemy text() on a
 * connection, and pd.read_sql_query on a raw psycopg2 connection (whose warning must still name the candidate's line).
 */
const SCRIPT = `
import io, os
import pandas as pd
import psycopg2
from psycopg2.extras import DictCursor, RealDictCursor, execute_values
from sqlalchemy import create_engine, text
url = "postgresql://%s:%s@%s:%s/%s" % (os.environ["DB_USER"], os.environ["DB_PASSWORD"], os.environ["DB_HOST"], os.environ["DB_PORT"], os.environ["DB_NAME"])
con = psycopg2.connect(url, cursor_factory=DictCursor)
cur = con.cursor(cursor_factory=RealDictCursor)
cur.execute("CREATE TABLE magasins (code VARCHAR(4), ville VARCHAR(30))")
execute_values(cur, "INSERT INTO magasins VALUES %s", [("LIL", "Lille"), ("LYO", "Lyon"), ("PAR", "Paris")])
cur.copy_from(io.StringIO("BOR\\tBordeaux\\n"), "magasins", columns=("code", "ville"))
cur.copy_expert("COPY magasins FROM STDIN WITH (FORMAT csv)", io.StringIO("NAN,Nantes\\n"))
cur.execute("SELECT code, ville FROM magasins WHERE code <> %s", ("PAR",))
print([dict(r) for r in cur.fetchall()])
lecture = con.cursor()
lecture.execute("SELECT COUNT(*) FROM magasins")
print(lecture.fetchone()[0], type(lecture).__name__, type(cur).__name__, repr(con).startswith("<connection object"))
con.commit()
moteur = create_engine(url)
with moteur.connect() as connexion:
    print(connexion.execute(text("SELECT ville FROM magasins WHERE code = :c"), {"c": "LYO"}).scalar())
print(pd.read_sql_query("SELECT * FROM magasins LIMIT 2", con).shape)
`;

describeEachDatabase(['postgres'], 'SQL through dict cursors, execute_values, COPY, text() and read_sql_query', () => {
  let scratch: ScratchDatabase | undefined;
  let run: ReturnType<typeof runTracedScript>;
  let bare: ReturnType<typeof runTracedScript>;
  const env = () => {
    const { host, port, user, password, database } = scratch!.endpoint;
    return { DB_HOST: host!, DB_PORT: String(port), DB_USER: user!, DB_PASSWORD: password!, DB_NAME: database! };
  };
  beforeAll(async () => {
    scratch = await scratchDatabase('postgres');
    run = runTracedScript(SCRIPT, { env: env() });
    await scratch.exec(['DROP TABLE magasins']);
    bare = runTracedScript(SCRIPT, { env: env(), tracer: false });
  }, 120_000);
  afterAll(() => scratch?.dispose());

  it('the script prints and warns as it does untraced (cursor classes keep their names)', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(bare.stdout);
    expect(run.stdout).toContain('5 DictCursor RealDictCursor True');
    // The warning names the script's path: each run has its own folder.
    expect(run.stderr.replaceAll(run.root, '<repo>')).toBe(bare.stderr.replaceAll(bare.root, '<repo>'));
    expect(run.stderr).toContain(`${run.root}/main.py:23: UserWarning: pandas only supports SQLAlchemy connectable`);
    expect(run.trace.problems).toEqual([]);
  });

  it('records every statement as a sql event: driver, verb, table, rows sent, line', () => {
    const sql = run.trace.ofType<SqlEvent>('sql').map((e) => [e.driver, e.verb, e.tables, e.params_rows ?? null, e.rowcount ?? null, e.site?.line]);
    expect(sql).toEqual([
      ['psycopg2', 'CREATE TABLE', ['magasins'], null, null, 10],
      ['psycopg2.execute_values', 'INSERT', ['magasins'], 3, 3, 11],
      ['psycopg2', 'COPY', ['magasins'], null, 1, 12],
      ['psycopg2', 'COPY', ['magasins'], null, 1, 13],
      ['psycopg2', 'SELECT', ['magasins'], null, 4, 14],
      ['psycopg2', 'SELECT', ['magasins'], null, 1, 17],
      ['sqlalchemy:postgresql', 'SELECT', ['magasins'], null, 1, 22],
    ]);
    expect(run.trace.ofType<SqlEvent>('sql')[2]).toMatchObject({ function: 'copy_from', statement: 'COPY magasins (code, ville) FROM STDIN' });
    expect(run.trace.ofType<SqlFetchEvent>('sql_fetch').map((e) => [e.rows, e.columns, e.site?.line])).toEqual([[4, ['code', 'ville'], 15]]);
  });

  it('read_sql_query on the raw connection names it psycopg2', () => {
    const read = run.trace.ofType<DataReadEvent>('data_read')[0]!;
    expect(read).toMatchObject({ function: 'read_sql_query', origin: { format: 'sql', connection: 'psycopg2', sql: 'SELECT * FROM magasins LIMIT 2', tables: ['magasins'] }, output: { rows: 2, cols: 2 }, site: { file: 'main.py', line: 23 } });
  });
});
