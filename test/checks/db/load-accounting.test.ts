import { describe, expect, it } from 'vitest';
import check from '../../../checks/db/rows-match-source.js';
import { accountLoad } from '../../../checks/db/support/load-accounting.js';
import { dataFacts } from '../../../checks/data/support/data-facts.js';
import { evaluateCheck } from '../../../checks/tester.js';
import { workspaceFiles } from '../../../runner/evidence/workspace-files.js';
import { runTracedScript } from '../../helpers/run-traced-script.js';
import { sqliteAccess } from '../../helpers/sqlite-fixture.js';
import { DataTrace, VENTES } from '../data/support/data-trace.js';

/**
 * 100 source rows, a traced dropna of 5, then 95 INSERTs one row at a time: more than the tracer records from
 * one line. The statements it did not record were still sent; the table is exactly the cleaned source.
 */
const ROW_BY_ROW = `
import sqlite3
import pandas as pd
with open("clients.csv", "w") as f:
    f.write("id,nom,email\\n" + "".join("%d,client %d,%s\\n" % (i, i, "" if i % 20 == 0 else "c%d@x.fr" % i) for i in range(100)))
clients = pd.read_csv("clients.csv")
clients = clients.dropna()
con = sqlite3.connect("crm.db")
cur = con.cursor()
cur.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY, nom TEXT, email TEXT)")
for row in clients.itertuples(index=False):
    cur.execute("INSERT INTO clients VALUES (?, ?, ?)", (int(row.id), row.nom, row.email))
con.commit()
print(cur.execute("SELECT COUNT(*) FROM clients").fetchone()[0])
`;

describe('rows sent row by row, beyond what the tracer records from one line', () => {
  it('100 rows, a traced dropna of 5, 95 single-row INSERTs: the table matches the cleaned source (real tracer)', async () => {
    const run = runTracedScript(ROW_BY_ROW);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('95\n');
    expect(run.trace.problems).toEqual([]);
    const workspace = workspaceFiles(run.root);
    const verdict = await evaluateCheck(check, {
      options: { mappings: [{ source: 'clients.csv', table: 'clients' }] },
      evidence: { workspace, databases: sqliteAccess(workspace, 'crm.db'), trace: run.trace },
    });
    expect(`${verdict.status} ${verdict.messageKey}`, verdict.message.en).toBe('pass passDropped');
    expect(verdict.message.en).toContain('clients 95 / clients.csv 100 − 5 dropped on purpose');
    const account = accountLoad(dataFacts(run.trace), 'clients.csv', 'clients');
    expect(account).toMatchObject({ dropped: 5, sent: null, failed: [] });
    expect(account.incomplete.map((e) => e.site?.line)).toEqual([12]);
  });
});

describe('accountLoad: rows sent are unknown once a write site was truncated', () => {
  const INSERT = 'INSERT INTO ventes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

  it('counts every traced INSERT when none was truncated', () => {
    const t = new DataTrace().read(3, 'ventes.csv', VENTES, 2000);
    for (let i = 0; i < 12; i++) t.sql(20, INSERT, { tables: ['ventes'], rowcount: 1 });
    expect(accountLoad(dataFacts(t.index()), 'ventes.csv', 'ventes')).toMatchObject({ sent: 12, incomplete: [] });
  });

  it('a truncated INSERT: sent is null, the truncated statement is named', () => {
    const t = new DataTrace().read(3, 'ventes.csv', VENTES, 2000);
    for (let i = 0; i < 40; i++) t.sql(20, INSERT, { tables: ['ventes'], rowcount: 1 });
    t.sql(20, INSERT, { tables: ['ventes'], rowcount: 1, truncated: true });
    const account = accountLoad(dataFacts(t.index()), 'ventes.csv', 'ventes');
    expect(account.sent).toBeNull();
    expect(account.writes).toHaveLength(41);
    expect(account.incomplete.map((e) => e.site)).toEqual([{ file: 'etl.py', line: 20 }]);
  });

  it('a helper sending every statement: truncated on another table, the INSERTs after it are unknown too', () => {
    const t = new DataTrace().read(3, 'ventes.csv', VENTES, 2000);
    t.sql(8, INSERT, { tables: ['ventes'], rowcount: 1 });
    t.sql(8, 'INSERT INTO produits VALUES (?)', { tables: ['produits'], rowcount: 1, truncated: true });
    expect(accountLoad(dataFacts(t.index()), 'ventes.csv', 'ventes')).toMatchObject({ sent: null, incomplete: [expect.objectContaining({ tables: ['produits'] })] });
  });

  it('a SELECT loop truncated elsewhere, or a to_sql replace after the loop, leaves the count known', () => {
    const t = new DataTrace().read(3, 'ventes.csv', VENTES, 2000);
    t.sql(30, 'SELECT * FROM ventes WHERE id_vente = ?', { tables: ['ventes'], truncated: true });
    t.sql(20, INSERT, { tables: ['ventes'], rowcount: 1 });
    expect(accountLoad(dataFacts(t.index()), 'ventes.csv', 'ventes')).toMatchObject({ sent: 1, incomplete: [] });
    t.sql(20, INSERT, { tables: ['ventes'], rowcount: 1, truncated: true });
    t.add('data_write', { function: 'to_sql', table: 'ventes', if_exists: 'replace', input: t.frame(VENTES, 1960) }, 40);
    expect(accountLoad(dataFacts(t.index()), 'ventes.csv', 'ventes').sent).toBe(1960);
  });
});
