import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLibraryScenarioFiles, loadScenario } from '../../scenarios/load-scenario.js';
import { MsprError } from '../../runner/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'mspr-scenarios-'));
let counter = 0;
function scenarioFile(content: string, extension = 'yaml'): string {
  const file = join(dir, `s${counter++}.${extension}`);
  writeFileSync(file, content);
  return file;
}

const valid = `
id: demo
title: Démo
framework: cdp-data-ia
bloc: 1
steps:
  - { id: pipeline, candidate: true }
checks:
  - use: repo/files-present
`;

/** The problems a scenario is rejected with (fails the test when it loads). */
async function problemsOf(content: string, extension = 'yaml'): Promise<{ code: string; details: string[] }> {
  try {
    await loadScenario(scenarioFile(content, extension));
  } catch (error) {
    expect(error).toBeInstanceOf(MsprError);
    return { code: (error as MsprError).code, details: (error as MsprError).details };
  }
  throw new Error('scenario was accepted');
}

describe('scenario loader', () => {
  it('loads a valid scenario and fills the defaults', async () => {
    const { scenario } = await loadScenario(scenarioFile(valid));
    expect(scenario.bloc).toBe('1');
    expect(scenario.sandbox).toEqual({ backend: 'auto', timeoutSec: 600, memoryMb: 2048, cpus: 1, pids: 1024, network: 'none' });
    expect(scenario.checks[0]).toMatchObject({ use: 'repo/files-present', weight: 1, required: true, with: { readme: true, dependencies: true, files: [] } });
  });

  it('accepts a data check without mappings (the links come from the trace)', async () => {
    const { scenario } = await loadScenario(scenarioFile(valid.replace('  - use: repo/files-present', '  - use: db/rows-match-source')));
    expect(scenario.checks[0]).toMatchObject({ use: 'db/rows-match-source', with: { allowReportedDrops: true } });
  });

  it('accepts the same scenario as JSON', async () => {
    const json = JSON.stringify({ id: 'demo', title: 'x', framework: 'dev-ia-ds', bloc: 2, checks: [{ use: 'steps/succeeded' }] });
    const { scenario } = await loadScenario(scenarioFile(json, 'json'));
    expect(scenario.framework).toBe('dev-ia-ds');
  });

  it('YAML syntax error: file, line and column in the message, the lines around it with a caret in the excerpt', async () => {
    const file = scenarioFile('id: demo\ntitle: a: b\nbloc: 1\n');
    const error = await loadScenario(file).then(() => undefined, (thrown: unknown) => thrown as MsprError);
    expect(error).toBeInstanceOf(MsprError);
    expect(error!.code).toBe('MSPR_SCENARIO_INVALID');
    expect(error!.text.en).toBe(`${file}, line 2, column 8: invalid YAML — Nested mappings are not allowed in compact mappings`);
    expect(error!.text.fr).toBe(
      `${file}, ligne 2, colonne 8 : YAML invalide — deux « clé: » sur une même ligne (mettez la valeur entre guillemets ?) (Nested mappings are not allowed in compact mappings)`,
    );
    expect(error!.excerpt).toBe(['1 | id: demo', '2 | title: a: b', '  |        ^', '3 | bloc: 1'].join('\n'));
    expect(error!.toJSON().excerpt).toBe(error!.excerpt);
  });

  it.each([
    ['JSON syntax error', '{"id": "demo",', /^\(file\): /],
  ])('%s', async (_name, content, pattern) => {
    const { code, details } = await problemsOf(content, content.startsWith('{') ? 'json' : 'yaml');
    expect(code).toBe('MSPR_SCENARIO_INVALID');
    expect(details[0]).toMatch(pattern);
  });

  it.each([
    ['missing required property', valid.replace('id: demo\n', ''), '(root): missing required property "id"'],
    ['bad id pattern', valid.replace('id: demo', 'id: Demo Scenario'), 'id: must match pattern "^[a-z0-9][a-z0-9-]*$"'],
    ['unknown framework', valid.replace('cdp-data-ia', 'cdp-data'), 'framework: must be one of "cdp-data-ia", "dev-ia-ds", "cdp-ia-aivancity", "cdp-ia", "cerf-ia"'],
    ['unknown top-level property', `${valid}colour: blue\n`, '(root): unknown property "colour"'],
    ['sandbox limit out of range', `${valid}sandbox: { timeoutSec: 100000 }\n`, 'sandbox.timeoutSec: must be <= 86400'],
    ['sandbox unknown property', `${valid}sandbox: { memory: 2g }\n`, 'sandbox: unknown property "memory"'],
    ['network enum', `${valid}sandbox: { network: host }\n`, 'sandbox.network: must be one of "none", "services"'],
    ['step with no action', valid.replace('{ id: pipeline, candidate: true }', '{ id: pipeline }'), 'steps[0]: must match exactly one of the allowed forms'],
    ['step with two actions', valid.replace('candidate: true', 'candidate: true, run: [python, a.py]'), 'steps[0]: must match exactly one of the allowed forms'],
    ['notebook path', valid.replace('candidate: true', 'notebook: analyse.py'), 'steps[0].notebook: must match pattern "\\.ipynb$"'],
    ['service kind', `${valid}services: [{ id: db, kind: oracle }]\n`, 'services[0].kind: must be one of "sqlite", "postgres", "mysql", "mongodb"'],
    ['criterion reference', `${valid}manual: [{ criteria: [C1.9], label: x }]\n`, 'manual[0].criteria[0]: must match pattern'],
    ['check weight', valid.replace('  - use: repo/files-present', '  - use: repo/files-present\n    weight: -1'), 'checks[0].weight: must be >= 0'],
    ['no checks', valid.replace(/checks:\n {2}- use: repo\/files-present\n/, 'checks: []\n'), 'checks: must NOT have fewer than 1 items'],
  ])('%s', async (_name, content, expected) => {
    const { code, details } = await problemsOf(content);
    expect(code).toBe('MSPR_SCENARIO_INVALID');
    expect(details.join('\n')).toContain(expected);
  });

  it.each([
    ['unknown check, closest id suggested', valid.replace('repo/files-present', 'db/rows-match-sourse'), 'checks[0].use: unknown check "db/rows-match-sourse" (did you mean "db/rows-match-source"?)'],
    ['unknown check, nothing close', valid.replace('repo/files-present', 'ml/quantum-magic'), 'checks[0].use: unknown check "ml/quantum-magic"'],
    ['check option of the wrong type', valid.replace('  - use: repo/files-present', '  - use: repo/files-present\n    with: { readme: "yes" }'), 'checks[0].with.readme: must be boolean'],
    ['unknown check option', valid.replace('  - use: repo/files-present', '  - use: repo/files-present\n    with: { readmee: true }'), 'checks[0].with: unknown property "readmee"'],
    // `mappings` itself is optional since the links can be inferred from the trace (issue 10 §1); a mapping is not.
    ['missing required check option', valid.replace('  - use: repo/files-present', '  - use: db/rows-match-source\n    with: { mappings: [{ source: ventes.csv }] }'), 'checks[0].with.mappings[0]: missing required property "table"'],
    ['nested check option', valid.replace('  - use: repo/files-present', '  - use: db/rows-match-source\n    with: { mappings: [{ source: a.parquet, table: t }] }'), 'checks[0].with.mappings[0].source: must match pattern'],
    ['duplicate check ids', valid.replace('  - use: repo/files-present', '  - use: repo/files-present\n  - use: repo/files-present'), 'checks[1]: duplicate id "repo/files-present"'],
    ['duplicate step ids', valid.replace('  - { id: pipeline, candidate: true }', '  - { id: pipeline, candidate: true }\n  - { id: pipeline, run: [python, x.py] }'), 'steps[1]: duplicate id "pipeline"'],
    ['dataset that does not exist', `${valid}datasets: [{ path: nowhere/ventes.csv }]\n`, 'datasets[0].path: "nowhere/ventes.csv" not found'],
  ])('%s', async (_name, content, expected) => {
    const { details } = await problemsOf(content);
    expect(details.join('\n')).toContain(expected);
  });

  it('reports every problem at once, each with its path', async () => {
    const content = valid
      .replace('repo/files-present', 'db/rows-match-sourse')
      .replace('  - { id: pipeline, candidate: true }', '  - { id: pipeline, candidate: true }\n  - { id: pipeline, run: [python, x.py] }')
      .concat('datasets: [{ path: nowhere.csv }]\n');
    const { details } = await problemsOf(content);
    expect(details).toHaveLength(3);
    expect(details.map((line) => line.split(':')[0])).toEqual(['steps[1]', 'checks[0].use', 'datasets[0].path']);
  });

  it('a shape error of a YAML scenario names the line of the value it is about', async () => {
    const lines = valid.split('\n');
    const titleLine = lines.findIndex((line) => line.startsWith('title:')) + 1;
    const content = lines.map((line, i) => (i + 1 === titleLine ? 'title: [not, a, string]' : line)).join('\n');
    const { details } = await problemsOf(content);
    // `title` is a string or a { fr, en } pair: the schema says why neither form fits, each on the title's line.
    expect(details).toEqual([
      `title: must be string (line ${titleLine})`,
      `title: must be object (line ${titleLine})`,
      `title: must match exactly one of the allowed forms (line ${titleLine})`,
    ]);
  });

  it('schema errors do not hide the unknown checks of the same file', async () => {
    const content = valid.replace('repo/files-present', 'db/rows-match-sourse').concat('colour: blue\n');
    const { code, details } = await problemsOf(content);
    expect(code).toBe('MSPR_SCENARIO_INVALID');
    const colourLine = content.trimEnd().split('\n').length;
    expect(details).toEqual([`(root): unknown property "colour" (line ${colourLine})`, 'checks[0].use: unknown check "db/rows-match-sourse" (did you mean "db/rows-match-source"?)']);
  });

  it('a YAML bomb (billion laughs) is an invalid scenario with a message, not an internal error', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    const { code, details } = await problemsOf(`${valid}${levels.join('\n')}\n`);
    expect(code).toBe('MSPR_SCENARIO_INVALID');
    expect(details).toEqual(['(file): Excessive alias count indicates a resource exhaustion attack (more than 100 alias expansions)']);
  });

  it('a scenario over 1 MiB is refused before it is read (an 88 MB sparse file)', async () => {
    const file = scenarioFile('');
    truncateSync(file, 88 * 1024 * 1024);
    const error = await loadScenario(file).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MSPR_SCENARIO_INVALID', text: { en: `Scenario ${file} refused unread: too large (88.0 MiB > 1.0 MiB).` } });
  });

  it('reads a scenario saved as UTF-16 with a BOM (Windows Notepad)', async () => {
    const file = join(dir, 'utf16.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid.replace('Démo', 'Démo ééé'), 'utf16le')]));
    const { scenario } = await loadScenario(file);
    expect(scenario.title).toBe('Démo ééé');
  });

  it('says which scenarios exist when an id is unknown', async () => {
    await expect(loadScenario('cdp-data-ia-bloc9')).rejects.toMatchObject({ code: 'MSPR_SCENARIO_NOT_FOUND' });
  });

  it.each(listLibraryScenarioFiles())('bundled scenario %s is valid', async (file) => {
    await expect(loadScenario(file)).resolves.toBeDefined();
  });
});
