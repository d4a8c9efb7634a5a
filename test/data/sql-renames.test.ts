import { describe, expect, it } from 'vitest';
import typesFitted from '../../checks/db/types-fitted.js';
import { tableLinks } from '../../checks/data/support/lineage/table-links.js';
import { sqlDerivations } from '../../checks/data/support/lineage/sql-derivations.js';
import { evaluateCheck } from '../../checks/tester.js';
import { workspaceFiles } from '../../runner/evidence/workspace-files.js';
import type { SqlEvent } from '../../runner/tracer/data-event-types.js';
import { runTracedScript } from '../helpers/run-traced-script.js';
import { sqliteAccess } from '../helpers/sqlite-fixture.js';

/**
 * Issue 10 §1: renames written in SQL. The team loads its export as it is into a staging table, then builds the
 * deliverable tables with SQL that renames (`AS`, or the column list of an INSERT), and drops the staging table.
 */
const ETL = `
import sqlite3
import pandas as pd
with open("covid.csv", "w", encoding="latin-1") as f:
    f.write("Dep;TotalDeces;Region\\n" + "".join("%02d;%d;R%d\\n" % (i, i * 10, i % 3) for i in range(1, 21)))
brut = pd.read_csv("covid.csv", sep=";", encoding="latin-1", dtype={"Dep": str})
con = sqlite3.connect("covid.db")
brut.to_sql("staging", con, index=False)
con.execute('CREATE TABLE covid AS SELECT Dep AS departement, "TotalDeces" AS total_deces, Region FROM staging')
con.execute("CREATE TABLE deces (dep VARCHAR(3), nb INTEGER)")
con.execute('INSERT INTO deces (dep, nb) SELECT s.Dep, CAST("TotalDeces" AS INTEGER) FROM staging s')
con.execute("DROP TABLE staging")
con.commit()
`;

describe('SQL renames in lineage: INSERT … SELECT and CREATE TABLE … AS SELECT (real tracer, real SQLite)', () => {
  it('pairs each source column with the table column the SELECT names, through the staging table', async () => {
    const run = runTracedScript(ETL);
    expect(run.status, run.stderr).toBe(0);
    const links = await tableLinks(run.trace);
    const covid = links.find((link) => link.table === 'covid')!;
    expect(covid).toMatchObject({ source: 'covid.csv', role: 'rows', columns: { Dep: 'departement', TotalDeces: 'total_deces', Region: 'Region' } });
    expect(covid.via.map((event) => event.site?.line)).toEqual([8, 9]);
    expect(links.find((link) => link.table === 'deces')).toMatchObject({ source: 'covid.csv', columns: { Dep: 'dep', TotalDeces: 'nb' } });

    const workspace = workspaceFiles(run.root);
    const verdict = await evaluateCheck(typesFitted, { evidence: { workspace, databases: sqliteAccess(workspace, 'covid.db'), trace: run.trace } });
    const compared = verdict.evidence.filter((item) => item.kind === 'db').map((item) => item.subject).sort();
    expect(compared).toEqual(['covid.Region', 'covid.departement', 'covid.total_deces', 'deces.dep', 'deces.nb']);
    expect(verdict.evidence).toContainEqual(expect.objectContaining({ subject: 'link covid ← covid.csv' }));
  });

  it('a SELECT without AS keeps each column under its own name', async () => {
    const run = runTracedScript(ETL.replace('Dep AS departement', 'Dep').replace('"TotalDeces" AS total_deces', '"TotalDeces"'));
    expect(run.status, run.stderr).toBe(0);
    const covid = (await tableLinks(run.trace)).find((link) => link.table === 'covid')!;
    expect(covid.columns).toEqual({ Dep: 'Dep', TotalDeces: 'TotalDeces', Region: 'Region' });
  });
});

describe('sqlDerivations: the column pairs of a statement', () => {
  const sql = (statement: string) => ({ type: 'sql', seq: 1, ts: 1, pid: 1, driver: 'sqlite3', statement }) as SqlEvent;
  it.each([
    ['CREATE TABLE t AS SELECT a AS x, "B c" AS y, d FROM s', { table: 't', from: 's', pairs: { a: 'x', 'B c': 'y', d: 'd' }, aggregated: false }],
    ['INSERT INTO t (x, y) SELECT a, TRIM(b) FROM "s" WHERE a > 0', { table: 't', from: 's', pairs: { a: 'x', b: 'y' } }],
    ['insert or replace into t select * from s', { table: 't', from: 's', pairs: undefined }],
    ['CREATE TABLE r AS SELECT region, COUNT(*) AS n FROM s GROUP BY region', { table: 'r', pairs: { region: 'region' }, aggregated: true }],
    ['INSERT INTO t SELECT s.a AS x, p.nom FROM s JOIN p ON p.id = s.id', { table: 't', from: 's', joined: ['p'], pairs: { a: 'x', nom: 'nom' } }],
  ])('%s', (statement, expected) => {
    expect(sqlDerivations([sql(statement)])[0]).toMatchObject(expected);
  });
  it('an INSERT … VALUES or a plain SELECT derives nothing', () => {
    expect(sqlDerivations([sql('INSERT INTO t (a) VALUES (?)'), sql('SELECT a AS x FROM s')])).toEqual([]);
  });
});
