import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureEvent, PlotEvent, SqlEvent, SqlFetchEvent } from '../../runner/tracer/data-event-types.js';
import { describeEachDatabase } from '../helpers/database-servers.js';
import { runTracedScript } from '../helpers/run-traced-script.js';
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.js';

describe('database driver hooks (sqlite3, SQLAlchemy)', () => {
  const run = runTracedScript(`
import sqlite3
import pandas as pd
from sqlalchemy import create_engine, text
con = sqlite3.connect("b.db")
con.execute("CREATE TABLE t (a INTEGER, b VARCHAR(20))")
con.executemany("INSERT INTO t VALUES (?, ?)", [(i, str(i)) for i in range(1000)])
cur = con.cursor()
cur.execute("SELECT a, b FROM t WHERE a > 10 LIMIT 5")
rows = cur.fetchall()
con.execute("CREATE INDEX ix_t_a ON t (a)")
con.commit()
print(isinstance(con, sqlite3.Connection), len(rows))
engine = create_engine("sqlite:///b.db")
with engine.connect() as c:
    print(len(c.execute(text("SELECT a, b FROM t WHERE a < 100")).fetchall()))
pd.read_sql("SELECT * FROM t", engine).to_sql("u", engine, index=False)
`);
  const sql = run.trace.ofType<SqlEvent>('sql');

  it('keeps the program unchanged (a traced connection is still a sqlite3.Connection)', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['True 5', '100']);
    expect(run.trace.problems).toEqual([]);
  });

  it('records each statement the candidate sent, with verb, tables, rows and duration — not pandas’ own', () => {
    expect(sql.map((e) => [e.driver, e.verb, e.site?.line])).toEqual([
      ['sqlite3', 'CREATE TABLE', 6],
      ['sqlite3', 'INSERT', 7],
      ['sqlite3', 'SELECT', 9],
      ['sqlite3', 'CREATE INDEX', 11],
      ['sqlalchemy:sqlite', 'SELECT', 16],
    ]);
    expect(sql[1]).toMatchObject({ params_rows: 1000, rowcount: 1000 });
    expect(sql[2]).toMatchObject({ columns: ['a', 'b'], tables: ['t'] });
    expect(typeof sql[2]!.duration).toBe('number');
    expect(run.trace.ofType<SqlFetchEvent>('sql_fetch').map((e) => [e.driver, e.rows])).toEqual([
      ['sqlite3', 5],
      ['sqlalchemy', 100],
    ]);
  });
});

describe('statements in a loop: a per-line budget, the same for every driver, and a mark where it ran out', () => {
  const run = runTracedScript(`
import sqlite3
from sqlalchemy import create_engine, text
con = sqlite3.connect("loop.db")
con.execute("CREATE TABLE t (a INTEGER)")
for i in range(100):
    con.execute("INSERT INTO t VALUES (?)", (i,))
con.commit()
engine = create_engine("sqlite:///loop.db")
with engine.begin() as c:
    for i in range(50):
        c.execute(text("INSERT INTO t VALUES (:a)"), {"a": i})
    print(c.execute(text("SELECT COUNT(*) FROM t")).scalar())
`);
  const sql = run.trace.ofType<SqlEvent>('sql');

  it('records 40 statements per line, then one marked truncated, then none (sqlite3 and SQLAlchemy alike)', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('150\n');
    expect(run.trace.problems).toEqual([]);
    for (const [driver, line] of [['sqlite3', 7], ['sqlalchemy:sqlite', 12]] as const) {
      const loop = sql.filter((e) => e.site?.line === line);
      expect(loop.map((e) => e.driver)).toEqual(Array(41).fill(driver));
      expect(loop.map((e) => e.truncated ?? false)).toEqual([...Array(40).fill(false), true]);
    }
    expect(sql.find((e) => e.site?.line === 13)).toMatchObject({ driver: 'sqlalchemy:sqlite', verb: 'SELECT', source: 'print(c.execute(text("SELECT COUNT(*) FROM t")).scalar())' });
  });
});

describe('sqlite3 arguments are positional only, traced or not', () => {
  const script = `
import sqlite3
con = sqlite3.connect(":memory:")
for call in (lambda: con.execute(sql="SELECT 1"), lambda: con.executemany("SELECT ?", seq_of_parameters=[(1,)]),
             lambda: con.executescript(sql_script="SELECT 1;"), lambda: con.execute()):
    try:
        call()
        print("accepted")
    except TypeError as error:
        print(error)
`;
  it('a keyword argument is refused by the traced connection as by sqlite3 itself, in the same words', () => {
    const bare = runTracedScript(script, { tracer: false });
    const traced = runTracedScript(script);
    expect(bare.stdout).toContain('Connection.execute() takes no keyword arguments\n');
    expect(traced.stdout).toBe(bare.stdout);
  });
});

/** The same statements, each passed by keyword under the driver's own parameter names. */
const KEYWORD_SCRIPTS: Record<'postgres' | 'mysql', string> = {
  postgres: `
import io, os
import psycopg2
from psycopg2.extras import execute_batch, execute_values
con = psycopg2.connect(host=os.environ["DB_HOST"], port=os.environ["DB_PORT"], user=os.environ["DB_USER"], password=os.environ["DB_PASSWORD"], dbname=os.environ["DB_NAME"])
cur = con.cursor()
cur.execute(query="CREATE TABLE t (a INTEGER, b VARCHAR(20))", vars=None)
cur.executemany(query="INSERT INTO t VALUES (%s, %s)", vars_list=[(i, str(i)) for i in range(30)])
execute_values(cur, sql="INSERT INTO t VALUES %s", argslist=[(i, "v") for i in range(7)])
execute_batch(cur, sql="INSERT INTO t VALUES (%s, %s)", argslist=[(i, "b") for i in range(4)])
cur.copy_expert(sql="COPY t FROM STDIN WITH (FORMAT csv)", file=io.StringIO("1,x\\n2,y\\n"))
cur.execute(query="SELECT a FROM t WHERE a < %s", vars=(5,))
print(len(cur.fetchall()))
con.commit()
`,
  mysql: `
import os
import pymysql
con = pymysql.connect(host=os.environ["DB_HOST"], port=int(os.environ["DB_PORT"]), user=os.environ["DB_USER"], password=os.environ["DB_PASSWORD"], database=os.environ["DB_NAME"])
cur = con.cursor()
cur.execute(query="CREATE TABLE t (a INTEGER, b VARCHAR(20))")
cur.executemany(query="INSERT INTO t VALUES (%s, %s)", args=[(i, str(i)) for i in range(30)])
cur.execute(query="SELECT a FROM t WHERE a < %s", args=(5,))
print(len(cur.fetchall()))
con.commit()
`,
};

describeEachDatabase(['postgres', 'mysql'], 'driver hooks read statements and rows passed by keyword', (kind) => {
  let scratch: ScratchDatabase | undefined;
  let run: ReturnType<typeof runTracedScript>;
  beforeAll(async () => {
    scratch = await scratchDatabase(kind);
    const { host, port, user, password, database } = scratch.endpoint;
    run = runTracedScript(KEYWORD_SCRIPTS[kind as 'postgres' | 'mysql'], { env: { DB_HOST: host!, DB_PORT: String(port), DB_USER: user!, DB_PASSWORD: password!, DB_NAME: database! } });
  });
  afterAll(() => scratch?.dispose());

  it('every statement keeps its text, and executemany-like calls their number of rows', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.trace.problems).toEqual([]);
    const sql = run.trace.ofType<SqlEvent>('sql').map((e) => [e.driver, e.verb, e.params_rows ?? null, e.site?.line]);
    expect(sql).toEqual(
      kind === 'postgres'
        ? [
            ['psycopg2', 'CREATE TABLE', null, 7],
            ['psycopg2', 'INSERT', 30, 8],
            ['psycopg2.execute_values', 'INSERT', 7, 9],
            ['psycopg2.execute_batch', 'INSERT', 4, 10],
            ['psycopg2', 'COPY', null, 11],
            ['psycopg2', 'SELECT', null, 12],
          ]
        : [
            ['pymysql', 'CREATE TABLE', null, 6],
            ['pymysql', 'INSERT', 30, 7],
            ['pymysql', 'SELECT', null, 8],
          ],
    );
  });
});

describe('chart hooks (matplotlib, seaborn, pandas, plotly)', () => {
  const run = runTracedScript(`
import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns
import plotly.express as px
v = pd.read_csv("ventes.csv")
plt.scatter(v["quantite"], v["prix_unitaire"])
plt.savefig("nu.png")
plt.close()
fig, ax = plt.subplots()
sns.histplot(v["prix_unitaire"], ax=ax)
ax.set_title("Distribution des prix")
fig.savefig("hist.png")
plt.figure()
sns.heatmap(v.corr(numeric_only=True).round(2), annot=True)
plt.title("Corrélations")
f = px.scatter(v, x="quantite", y="prix_unitaire", title="Quantité et prix")
f.write_html("px.html")
`);
  const plots = run.trace.ofType<PlotEvent>('plot');
  const figures = run.trace.ofType<FigureEvent>('figure');

  it('records what was drawn: kind, variables, a heatmap of a correlation matrix', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.trace.problems).toEqual([]);
    expect(plots.map((p) => [p.library, p.function, p.kind, p.site?.line])).toEqual([
      ['matplotlib', 'scatter', 'scatter', 7],
      ['seaborn', 'histplot', 'distribution', 11],
      ['seaborn', 'heatmap', 'heatmap', 15],
      ['plotly', 'scatter', 'scatter', 17],
    ]);
    expect(plots[0]).toMatchObject({ x: 'quantite', y: 'prix_unitaire' });
    expect(plots[2]!.correlation).toBe(true);
  });

  it('records titles and axis labels of each figure when saved or left open', () => {
    const bare = figures.find((f) => f.figure === plots[0]!.figure && f.trigger === 'savefig')!;
    expect(bare).toMatchObject({ file: 'nu.png', axes: [{ title: null, xlabel: null, ylabel: null }] });
    const hist = figures.find((f) => f.file === 'hist.png')!;
    expect(hist.axes[0]).toMatchObject({ title: 'Distribution des prix', xlabel: 'prix_unitaire', ylabel: 'Count' });
    expect(figures.find((f) => f.trigger === 'exit' && f.axes.some((a) => a.title === 'Corrélations'))).toBeDefined();
    expect(figures.find((f) => f.library === 'plotly')).toMatchObject({ trigger: 'write_html', axes: [{ title: 'Quantité et prix', xlabel: 'quantite', ylabel: 'prix_unitaire' }] });
  });
});

describe('pymongo hook (no server needed: find() builds its cursor lazily)', () => {
  const run = runTracedScript(`
from pymongo import MongoClient
ventes = MongoClient("mongodb://127.0.0.1:9", connect=False, serverSelectionTimeoutMS=1).mspr.ventes
a = ventes.find({"magasin": "Lyon"})
b = ventes.find({}, {"magasin": 1, "quantite": 1, "_id": 0})
c = ventes.find(projection=["prix_unitaire"])
print(type(a).__name__, type(b).__name__, type(c).__name__)
`);

  it("records a find's filter and projection, and leaves the cursors as they were", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('Cursor Cursor Cursor');
    const finds = run.trace.ofType<{ type: string; operation: string; filter?: unknown; projection?: unknown }>('mongo');
    expect(finds.map(({ operation, filter, projection }) => ({ operation, filter, projection }))).toEqual([
      { operation: 'find', filter: { magasin: 'Lyon' }, projection: undefined },
      { operation: 'find', filter: {}, projection: { magasin: 1, quantite: 1, _id: 0 } },
      { operation: 'find', filter: undefined, projection: ['prix_unitaire'] },
    ]);
  });
});
