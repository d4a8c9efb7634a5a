import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase, localServicesEnv } from '../helpers/database-servers.js';
import { fixture, runCli } from '../helpers/run-cli.js';

/** The e-mails and NIRs etl-clients-clear's pipeline generates (src: its etl.py), a few of the 64. */
const PRIVATE = ['jeanne.dupont@gmail.com', 'karim.dupont@orange.fr', 'jeanne.benali@gmail.com', '180016910020004', '281027010120157'];

describeEachDatabase(['postgres'], 'repo/personal-data reads the tables the run loaded into a server database (real CLI)', (kind) => {
  it('e-mails and NIRs in clear in the clients table: fail naming table and columns, no clear value in any report format nor on stdout', () => {
    const args = ['check', fixture('data', 'etl-clients-clear'), '--scenario', 'dev-ia-ds-bloc1-etl', '--sandbox', 'local', '--services', 'local', '--database', kind, '--python', '/usr/bin/python3', '--format', 'json,junit,md,html'];
    const run = runCli(args, localServicesEnv() as Record<string, string>);
    expect(run.report, run.stderr).toBeDefined();
    const verdict = run.report!.verdicts.find((v) => v.id === 'repo/personal-data')!;
    expect(verdict).toMatchObject({ status: 'fail', messageKey: 'found' });
    expect(verdict.evidence.filter((e) => e.kind === 'db').map((e) => [e.subject, e.actual, (e.data as { examples: string[] }).examples])).toEqual([
      ['table clients:email', 64, ['j***@g***.com', 'k***@o***.fr']],
      ['table clients:nir', 64, ['1**************', '2**************']],
    ]);
    const written = readdirSync(run.runDir!).filter((name) => name.startsWith('report.'));
    expect(written.map((name) => name.split('.').pop()).sort()).toEqual(['html', 'json', 'md', 'xml']);
    for (const name of written) {
      const text = readFileSync(join(run.runDir!, name), 'utf8');
      for (const value of PRIVATE) expect(text, `${name} holds ${value.slice(0, 3)}…`).not.toContain(value);
    }
    for (const value of PRIVATE) expect(run.stdout).not.toContain(value);
  });
});
