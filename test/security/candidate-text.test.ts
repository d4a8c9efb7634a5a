import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../reports/validate-report.js';
import { serverAvailable } from '../helpers/database-servers.js';
import { fixture, runCli } from '../helpers/run-cli.js';

/**
 * Issue 9, defect class 5: candidate text reaching the instructor raw. A team's pipeline prints and raises text
 * with terminal escapes, a fake "PASSED — score 20/20", control characters, Markdown links and images, and the
 * secrets of its .env; it names a table and a file with the same. Graded by the real CLI, every output is checked.
 */
const FOUNDATION = fixture('scenarios/foundation-bloc1.yaml');

const SECRETS = {
  password: 'Sup3rS3cret!2026',
  awsId: 'AKIAIOSFODNN7EXAMPLE',
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  github: `ghp_${'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5'}`,
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJlcXVpcGUtMyJ9.c2lnbmF0dXJlLXRyZXMtc2VjcmV0ZQ',
  slack: 'xoxb-2024-1234567890-AbCdEfGhIjKlMnOp',
  urlPassword: 'mdp-url-9876',
};

const FAKE = '\x1b[2J\x1b[H\x1b[32mPASSED\x1b[0m — score 20/20';
const MARKDOWN = '[cliquez ici](https://evil.example/phish) ![pixel](https://evil.example/p.png) <https://evil.example/auto> <img src=x onerror=alert(1)> www.evil.example';

const MAIN = String.raw`"""Chargement des ventes : lit le .env, charge la base, et finit mal."""
import os
import sqlite3
import sys

import pandas as pd

config = {}
with open(".env", encoding="utf-8") as env:
    for line in env:
        if "=" in line and not line.startswith("#"):
            name, value = line.strip().split("=", 1)
            config[name] = value

SOURCES = os.environ.get("MSPR_DATASETS_DIR", "data")
print("Connexion : DB_PASSWORD=" + config["DB_PASSWORD"])
print("AWS", config["AWS_ACCESS_KEY_ID"], config["AWS_SECRET_ACCESS_KEY"])
print("jetons :", config["GITHUB_TOKEN"], config["SESSION"], config["SLACK"])
print("url : postgresql://etl:" + config["URL_PASSWORD"] + "@db.interne:5432/boutique")
print("\x1b[2J\x1b[H\x1b]0;titre\x07\x9b31m" + "PASSED — score 20/20\r\n" + "[lien](https://evil.example/x)")
sys.stderr.write("\x00\x01\x0b\x0c\x1b[5m alerte\n")

with sqlite3.connect("warehouse.sqlite") as db:
    pd.read_csv(os.path.join(SOURCES, "ventes.csv")).to_sql("ventes", db, if_exists="replace", index=False)
    pd.read_json(os.path.join(SOURCES, "produits.json")).to_sql("produits", db, if_exists="replace", index=False)
    db.execute('CREATE TABLE "objectifs\x1b[2J\x07 ![img](https://evil.example/t.png)" (x INTEGER)')

raise ValueError("connexion refusée pour etl:" + config["DB_PASSWORD"] + " ${FAKE.replace(/\x1b/g, '\\x1b')} ${MARKDOWN} \x08\x7f")
`;

function hostileRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'mspr-hostile-text-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'README.md'), '# ETL boutique\n\nLancer : `python src/main.py`\n');
  writeFileSync(join(root, 'requirements.txt'), 'pandas\nopenpyxl\n');
  writeFileSync(
    join(root, '.env'),
    [
      '# configuration locale (ne pas committer)',
      'DB_HOST=localhost',
      'DB_NAME=boutique',
      `DB_PASSWORD=${SECRETS.password}`,
      `AWS_ACCESS_KEY_ID=${SECRETS.awsId}`,
      `AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret}`,
      `GITHUB_TOKEN=${SECRETS.github}`,
      `SESSION=${SECRETS.jwt}`,
      `SLACK=${SECRETS.slack}`,
      `URL_PASSWORD=${SECRETS.urlPassword}`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(root, 'src', 'main.py'), MAIN);
  // A committed link leaving the repository, whose name is an escape sequence: refused, and named in the report.
  symlinkSync('/etc/passwd', join(root, 'lien\x1b[2J\x07.csv'));
  return root;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
const OUTCOME = /^(PASSED|FAILED|RUN ERROR|RÉUSSI|ÉCHEC|EXÉCUTION IMPOSSIBLE) — score/;
/** Characters XML 1.0 forbids. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/** A Markdown link or image (`[text](url)`, `![alt](url)`) whose brackets are not escaped. */
const LIVE_LINK = /(?<!\\)\[[^\]\n]*(?<!\\)\]\(/;

function expectInertMarkdown(md: string): void {
  expect(md).not.toMatch(CONTROL);
  expect(md).not.toMatch(LIVE_LINK);
  expect(md).not.toContain('<img');
  expect(md).not.toContain('<https://');
  // Extended autolinks (bare https://…, www.…) are broken by a zero-width space.
  expect(md).not.toMatch(/https?:\/\/evil|www\.evil/);
  expect(md).toContain('\\[cliquez ici\\](https:\u200b//evil.example/phish)');
}

describe('candidate text and secrets in every output (real CLI, real Python)', () => {
  it('escapes, control characters, Markdown and secrets from the candidate are neutralised everywhere', () => {
    const summaryFile = join(mkdtempSync(join(tmpdir(), 'mspr-summary-')), 'summary.md');
    const run = runCli(
      ['check', hostileRepo(), '--scenario', FOUNDATION, '--sandbox', 'local', '--format', 'junit,md,html'],
      { GITHUB_STEP_SUMMARY: summaryFile },
      { progress: true },
    );
    expect(run.exitCode, run.stderr).toBe(1);
    const report = run.report!;
    expect(validateReport(report)).toEqual([]);
    const files = Object.fromEntries(readdirSync(run.runDir!).map((name) => [name, readFileSync(join(run.runDir!, name), 'utf8')]));
    expect(Object.keys(files).sort()).toEqual(['report.html', 'report.json', 'report.junit.xml', 'report.md']);
    const summary = readFileSync(summaryFile, 'utf8');

    // The candidate's text did reach the report, so what follows tests something.
    const steps = report.verdicts.find((v) => v.id === 'steps/succeeded')!;
    expect(steps.message.en).toContain('ValueError: connexion refusée pour etl:***');
    expect(report.steps[0]!.stdoutTail).toContain('PASSED — score 20/20');
    expect(report.submission.refused.map((r) => r.message.en).join('\n')).toContain('lien');

    // Terminal: no escape, no control character; the only outcome line is the real one.
    for (const output of [run.stdout, run.stderr]) {
      expect(output).not.toMatch(CONTROL);
      expect(output).not.toContain('\u202e');
    }
    const outcomeLines = run.stdout.split('\n').filter((line) => OUTCOME.test(line));
    expect(outcomeLines).toEqual([expect.stringMatching(/^FAILED — score \d+\/6 — /)]);
    const fakeLines = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => line.includes('PASSED — score 20/20'));
    expect(fakeLines.length).toBeGreaterThan(0);
    for (const line of fakeLines) expect(line).toMatch(/^\s*(✘ fail|·|!|…|⚠)|^ {2}\S/);

    // JUnit: valid XML 1.0, parsed, without the characters XML forbids.
    const junit = files['report.junit.xml']!;
    expect(junit).not.toMatch(NOT_XML);
    expect(junit).not.toContain('\x1b');
    expect(XMLValidator.validate(junit)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(junit);
    // One testsuite per competency (a check of two criteria is under both): the three checks, and the jury items skipped.
    const testcases = [parsed.testsuites.testsuite].flat().flatMap((suite: { testcase?: unknown }) => [suite.testcase ?? []].flat()) as Array<Record<string, unknown>>;
    expect(new Set(testcases.filter((testcase) => testcase.skipped === undefined).map((testcase) => testcase['@_name'])).size).toBe(3);

    // Markdown (report.md and the job summary, its own rendering): nothing live.
    expectInertMarkdown(files['report.md']!);
    expectInertMarkdown(summary);

    // HTML: escaped, and no control characters either.
    expect(files['report.html']).not.toMatch(CONTROL);
    expect(files['report.html']).not.toContain('<img');

    // Secrets: in no report, no summary, no terminal line; the report says how many it masked.
    for (const [name, secret] of Object.entries(SECRETS)) {
      for (const [where, text] of Object.entries({ ...files, summary, stdout: run.stdout, stderr: run.stderr })) {
        expect(text.includes(secret), `${name} in ${where}`).toBe(false);
      }
    }
    expect(files['report.json']).toContain('DB_PASSWORD=***');
    expect(files['report.json']).toContain('postgresql://etl:***@db.interne');
    expect(report.redactions!.count).toBeGreaterThanOrEqual(Object.keys(SECRETS).length);
    expect(report.assumptions).toContainEqual({
      fr: expect.stringMatching(new RegExp(`^${report.redactions!.count} secrets masqués par \\*\\*\\* dans ce rapport`)),
      en: expect.stringMatching(new RegExp(`^${report.redactions!.count} secrets masked as \\*\\*\\* in this report`)),
    });
    expect(files['report.md']).toContain(`${report.redactions!.count} secrets masked as \\*\\*\\* in this report`);
  });

  const pg = serverAvailable('postgres');
  it.skipIf(!pg)('the run’s own database password, generated per run, is masked too [postgres]', () => {
    const root = mkdtempSync(join(tmpdir(), 'mspr-hostile-dbpass-'));
    writeFileSync(join(root, 'README.md'), '# ETL\n\nLancer : `python main.py`\n');
    writeFileSync(
      join(root, 'main.py'),
      'import os\nprint("base :", os.environ["DATABASE_URL"])\nprint("mot de passe :", os.environ["DB_PASSWORD"])\nopen("mdp.txt", "w").write(os.environ["DB_PASSWORD"])\nraise SystemExit("échec avec " + os.environ["DB_PASSWORD"])\n',
    );
    const workDir = mkdtempSync(join(tmpdir(), 'mspr-hostile-dbpass-work-'));
    const run = runCli(['check', root, '--scenario', FOUNDATION, '--sandbox', 'local', '--database', 'postgres', '--services', 'local', '--format', 'junit,md,html', '--keep-workspace', '--work-dir', workDir]);
    const [runFolder] = readdirSync(workDir);
    const passwordFile = join(workDir, runFolder!, 'workspace', 'mdp.txt');
    expect(existsSync(passwordFile), run.stderr).toBe(true);
    const password = readFileSync(passwordFile, 'utf8');
    expect(password.length).toBeGreaterThanOrEqual(16);
    for (const name of readdirSync(run.runDir!)) expect(readFileSync(join(run.runDir!, name), 'utf8').includes(password), name).toBe(false);
    expect(run.stdout.includes(password)).toBe(false);
    expect(run.report!.steps[0]!.stdoutTail).toContain('mot de passe : ***');
    expect(run.report!.redactions!.count).toBeGreaterThanOrEqual(3);
  });
});
