import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../runner/paths.js';
import { fixture, runCli } from '../helpers/run-cli.js';

const FOUNDATION = fixture('scenarios/foundation-bloc1.yaml');
const NOTE = 'The database read (warehouse.sqlite) is committed in the repository and this run did not write it: it is evidence of a past run, not of this one.';

/** etl-pass with the warehouse.sqlite a past run of its own pipeline wrote, committed beside it. */
function repositoryWithCommittedDatabase(): string {
  const repo = mkdtempSync(join(tmpdir(), 'mspr-past-run-'));
  cpSync(fixture('foundation/etl-pass'), repo, { recursive: true });
  execFileSync('/usr/bin/python3', ['src/main.py'], { cwd: repo, env: { PATH: process.env.PATH, MSPR_DATASETS_DIR: packagePath('datasets/boutique') } });
  return repo;
}

describe('a database file committed in the repository and not written by the run', () => {
  it('is evidence of a past run: the verdicts that read it say so', () => {
    const repo = repositoryWithCommittedDatabase();
    writeFileSync(join(repo, 'src/main.py'), 'import pandas as pd\nventes = pd.read_csv("data/ventes.csv")\nprint(ventes["prix_total"].sum())\n');
    const run = runCli(['check', repo, '--scenario', FOUNDATION, '--sandbox', 'local']);
    const rows = run.report!.verdicts.find((v) => v.id === 'db/rows-match-source')!;
    expect(rows.status).toBe('pass');
    expect(rows.message.en).toContain(NOTE);
    expect(rows.message.fr).toContain('La base lue (warehouse.sqlite) est versionnée dans le dépôt et cette exécution ne l’a pas écrite');
    expect(rows.evidence).toContainEqual(expect.objectContaining({ kind: 'db', subject: 'warehouse.sqlite', actual: 'committed, not written by this run' }));
    // Checks that do not read the database say nothing about it.
    expect(run.report!.verdicts.find((v) => v.id === 'repo/files-present')!.message.en).not.toContain('past run');
  });

  it('is not when the run writes it again', () => {
    const run = runCli(['check', repositoryWithCommittedDatabase(), '--scenario', FOUNDATION, '--sandbox', 'local']);
    expect(run.exitCode).toBe(0);
    const rows = run.report!.verdicts.find((v) => v.id === 'db/rows-match-source')!;
    expect(rows.status).toBe('pass');
    expect(rows.message.en).not.toContain('past run');
  });
});
