import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../docker/run-cli-async.js';
import { browserAvailable } from '../helpers/browser.js';

/**
 * http/accessible end to end: the real CLI trains the Flask team's model, serves its app, and the runner audits its
 * pages with axe-core in Debian's Chromium while the app is up. The same team with its form's labels removed and a
 * pale help text (what teams ship when they style a form by hand) fails, naming the rules and the elements.
 */
const PYTHON = process.env.MSPR_PYTHON ?? '/usr/bin/python3';
const SCENARIO = join(import.meta.dirname, '../fixtures/scenarios/serve-accessible.yaml');
const FLASK = join(import.meta.dirname, '../fixtures/serve/form-flask');

function inaccessibleCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mspr-a11y-')), 'form-flask');
  cpSync(FLASK, dir, { recursive: true });
  const page = join(dir, 'templates/index.html');
  const html = readFileSync(page, 'utf8')
    .replace(/\s*<label for="\w+">[^<]*<\/label>/g, '')
    .replace('<h1>', '<p style="color:#d0d0d0">Remplissez le formulaire.</p>\n  <h1>');
  writeFileSync(page, html);
  return dir;
}

describe.skipIf(!browserAvailable())('http/accessible through the CLI (local sandbox, Chromium)', () => {
  const work = { MSPR_WORK_DIR: '/tmp/mspr-accessible-tests' };
  const accessible = runCliAsync(['check', FLASK, '--scenario', SCENARIO, '--sandbox', 'local', '--python', PYTHON], work);
  const inaccessible = runCliAsync(['check', inaccessibleCopy(), '--scenario', SCENARIO, '--sandbox', 'local', '--python', PYTHON], work);

  it('passes the Flask team’s labelled form and its about page, with a screenshot of each', async () => {
    const run = await accessible;
    const verdict = run.report?.verdicts.find((v) => v.id === 'http/accessible');
    expect(verdict, run.stderr).toMatchObject({ status: 'pass', messageKey: 'pass' });
    expect(verdict!.evidence.map((fact) => [new URL(fact.subject).pathname, fact.actual, fact.expected])).toEqual([
      ['/', 0, 0],
      ['/a-propos', 0, 0],
    ]);
    expect(verdict!.evidence[0]!.data).toMatchObject({ status: 200, lang: 'fr', title: 'Estimation du prix', screenshot: 'accessibility/page-1.png' });
    // The screenshots reach the report (the run's folder is gone by now) as thumbnails of 1280 × 800.
    const screenshots = run.report!.images!.shown.filter((image) => image.kind === 'screenshot');
    expect(screenshots.map((image) => [new URL(image.source).pathname, image.title, image.originalWidth, image.originalHeight, image.width, image.height])).toEqual([
      ['/', 'Estimation du prix', 1280, 800, 720, 450],
      ['/a-propos', expect.any(String), 1280, 800, 720, 450],
    ]);
    expect(run.exitCode).toBe(0);
  }, 600_000);

  it('fails the same form without labels and with a pale text, naming rule, impact and elements', async () => {
    const run = await inaccessible;
    const verdict = run.report?.verdicts.find((v) => v.id === 'http/accessible');
    expect(verdict, run.stderr).toMatchObject({ status: 'fail', messageKey: 'violations' });
    expect(verdict!.message.fr).toMatch(/`label` \(critique, 2 éléments : #surface, #pieces\) sur http:\/\/127\.0\.0\.1:\d+\//);
    expect(verdict!.message.en).toMatch(/`color-contrast` \(serious, 1 element: p:nth-child\(1\)\) on http:\/\/127\.0\.0\.1:\d+\//);
    expect(verdict!.evidence.map((fact) => [new URL(fact.subject).pathname, fact.actual])).toEqual([
      ['/', 3],
      ['/a-propos', 0],
    ]);
    expect(run.exitCode).toBe(1);
  }, 600_000);
});
