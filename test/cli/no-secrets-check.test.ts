import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Made-up secrets: a .env password and an AWS key id in a script, never issued.
const PASSWORD = 'Mspr2024!Lyon';
const AWS_KEY_ID = 'AKIAZ7Q4XK2M9TPL3WRB';

/** A scenario of this check only, written for the test: the bundled scenarios do not list it yet. */
const SCENARIO = `id: no-secrets-only
title: { fr: "Secrets", en: "Secrets" }
framework: cdp-data-ia
bloc: 2
sandbox: { backend: local, timeoutSec: 120 }
steps:
  - id: pipeline
    candidate: true
checks:
  - use: repo/no-secrets
`;

function write(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('mspr-lab check with repo/no-secrets (real CLI, local sandbox)', () => {
  it('a committed .env password and an AWS key: fail at file:line, and no report format holds either value', () => {
    const work = mkdtempSync(join(tmpdir(), 'mspr-no-secrets-'));
    const repo = write(join(work, 'repo'), {
      'README.md': '# Projet\n\nLancer : `python src/main.py`\n',
      'requirements.txt': 'pandas\n',
      'src/main.py': `import os\nprint("ok")\nKEY = "${AWS_KEY_ID}"\n`,
      'config/.env': `DB_HOST=localhost\nDB_PASSWORD=${PASSWORD}\n`,
    });
    const scenario = join(work, 'scenario.yaml');
    writeFileSync(scenario, SCENARIO);
    const run = runCli(['check', repo, '--scenario', scenario, '--sandbox', 'local', '--python', '/usr/bin/python3', '--format', 'json,junit,md,html']);
    expect(run.exitCode, run.stderr).toBe(1);
    const verdict = run.report!.verdicts.find((v) => v.checkId === 'repo/no-secrets')!;
    expect(verdict).toMatchObject({ status: 'fail', messageKey: 'found' });
    expect(verdict.evidence).toContainEqual(expect.objectContaining({ subject: 'config/.env:2', actual: '***', data: { kind: '.env value', name: 'DB_PASSWORD' } }));
    expect(verdict.evidence).toContainEqual(expect.objectContaining({ subject: 'src/main.py:3', actual: '***', data: { kind: 'AWS access key id' } }));
    const written = readdirSync(run.runDir!).filter((name) => name.startsWith('report.'));
    expect(written.length).toBeGreaterThanOrEqual(4);
    for (const name of written) {
      const text = readFileSync(join(run.runDir!, name), 'utf8');
      expect(text, name).not.toContain(PASSWORD);
      expect(text, name).not.toContain(AWS_KEY_ID);
    }
    expect(run.stdout).not.toContain(PASSWORD);
  });
});
