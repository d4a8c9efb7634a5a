import { afterAll, beforeAll, expect, it } from 'vitest';
import check from '../../../checks/repo/personal-data.js';
import { evaluateCheck } from '../../../checks/tester.js';
import type { DbInspector } from '../../../runner/evidence/db/db-inspector.js';
import { describeEachDatabase } from '../../helpers/database-servers.js';
import { type ScratchDatabase, scratchDatabase } from '../../helpers/scratch-database.js';
import { tempRepo } from '../../helpers/temp-repo.js';

// Made-up people. The digest holds ten digits (0212345618) that read as a phone number between letters.
const DIGEST = '4c1e9d2b7a30ab0212345618cd5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e';
const TABLE = 'clients; DROP';

/**
 * repo/personal-data on a real server database, as the run left it: the team's table name and cells are hostile
 * (a name with SQL in it, JSON, bytes, a 10,000-character text), rows are bounded by `maxRows`.
 */
describeEachDatabase(['postgres', 'mysql'], 'repo/personal-data reads the tables of the run’s server database', (kind) => {
  let db: ScratchDatabase;
  const opened: DbInspector[] = [];
  beforeAll(async () => {
    db = await scratchDatabase(kind);
    const q = (name: string) => (kind === 'postgres' ? `"${name}"` : `\`${name}\``);
    const [json, bytes, hexBytes] = kind === 'postgres' ? ['jsonb', 'bytea', (s: string) => `'\\x${Buffer.from(s).toString('hex')}'`] : ['json', 'blob', (s: string) => `x'${Buffer.from(s).toString('hex')}'`];
    const emails = Array.from({ length: 120 }, (_, i) => `(${i + 2}, 'client${i}@ecole.fr', NULL, NULL, NULL, NULL)`).join(', ');
    await db.exec([
      `CREATE TABLE ${q(TABLE)} (id integer, email varchar(60), contact ${json}, photo ${bytes}, note text, email_sha256 char(64))`,
      `INSERT INTO ${q(TABLE)} VALUES (1, NULL, '{"mail": "jeanne.dupont@ecole.fr"}', ${hexBytes('karim.benali@orange.fr')}, '${'x'.repeat(10_000)} sophie.nguyen@free.fr', '${DIGEST}')`,
      `INSERT INTO ${q(TABLE)} VALUES ${emails}`,
      `CREATE TABLE magasins (code varchar(5), ville varchar(30))`,
      `INSERT INTO magasins VALUES ('LIL01', 'Lille'), ('LYO01', 'Lyon')`,
    ]);
  }, 120_000);
  afterAll(async () => {
    for (const inspector of opened) await inspector.close();
    await db?.dispose();
  });
  const databases = () => ({
    services: [{ id: 'db', kind }],
    open: async () => {
      const inspector = await db.inspect();
      opened.push(inspector);
      return inspector;
    },
  });

  it('fails on the columns holding e-mails (text, JSON, bytes), counts at most maxRows rows, never reads a digest as a phone', async () => {
    const verdict = await evaluateCheck(check, { options: { maxRows: 100 }, evidence: () => ({ workspace: tempRepo({ 'README.md': '# Projet\n' }), databases: databases() }) });
    expect(verdict).toMatchObject({ status: 'fail', messageKey: 'found' });
    const found = verdict.evidence.filter((e) => e.kind === 'db').map((e) => [e.subject, e.actual, (e.data as { examples: string[] }).examples]);
    // Storage order: the first row (JSON, bytes, long text) and 99 of the 120 e-mail rows.
    expect(found).toEqual([
      [`table ${TABLE}:email`, 99, ['c***@e***.fr']],
      [`table ${TABLE}:contact`, 1, ['j***@e***.fr']],
      [`table ${TABLE}:photo`, 1, ['k***@o***.fr']],
    ]);
    const scanned = verdict.evidence.find((e) => e.subject === 'data files and tables')!;
    expect(scanned.data).toMatchObject({ read: [`table ${TABLE}`, 'table magasins'], sources: 2 });
    // The e-mail 10,000 characters into the note is past the cell cap: not read; nothing unmasked in the verdict.
    expect(JSON.stringify(verdict)).not.toMatch(/jeanne\.dupont|karim\.benali|client\d+@|sophie\.nguyen/);
  });
});
