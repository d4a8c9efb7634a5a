import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unreadableDatasets } from '../../scenarios/dataset-readability.js';
import { listLibraryScenarioFiles, loadScenario } from '../../scenarios/load-scenario.js';
import { fixture, runCli } from '../helpers/run-cli.js';

/** A scenario beside a `donnees/` folder: a data.gouv-style export (readable once sniffed) and a broken CSV. */
function scenarioWithData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mspr-datasets-'));
  mkdirSync(join(dir, 'donnees'));
  const export_ = 'Département;Libellé;TauxIncidence\n01;Ain;82,6\n02;Aisne;NA\n03;Allier;101,3\n';
  writeFileSync(join(dir, 'donnees', 'covid.csv'), Buffer.from(export_, 'latin1'));
  copyFileSync(fixture('foundation/etl-corrupt-source/data/clients.csv'), join(dir, 'donnees', 'clients.csv'));
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, ['id: jeux-du-candidat', 'title: Démo', 'framework: cdp-data-ia', 'bloc: 1', 'datasets:', '  - path: donnees', 'steps:', '  - { id: pipeline, candidate: true }', 'checks:', '  - use: repo/files-present', ''].join('\n'));
  return file;
}

/** Issue 10 §1: `scenarios validate` reads each dataset the way the checks will, and reports one it cannot read. */
describe('scenarios validate reads the datasets as the checks read them', () => {
  it('every bundled scenario: each dataset file reads (CSV sniffed, XLSX, JSON)', async () => {
    for (const file of listLibraryScenarioFiles()) expect(await unreadableDatasets(await loadScenario(file)), file).toEqual([]);
  });

  it('a Latin-1 ";" export with decimal commas reads; a CSV with an unclosed quote is reported with the reason', async () => {
    const problems = await unreadableDatasets(await loadScenario(scenarioWithData()));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^datasets\[0\]\.path: "donnees\/clients\.csv" cannot be read as the checks read it: Cannot read clients\.csv/);
  });

  it('the real CLI: exit 2 with the file named, a readable scenario says valid', () => {
    const bad = runCli(['scenarios', 'validate', scenarioWithData()]);
    expect(bad.exitCode, bad.stderr).toBe(2);
    expect(bad.stderr).toContain('MSPR_SCENARIO_INVALID');
    expect(bad.stderr).toContain('"donnees/clients.csv" cannot be read as the checks read it');
    const good = runCli(['scenarios', 'validate', 'cdp-data-ia-bloc1-etl']);
    expect(good.exitCode, good.stderr).toBe(0);
    expect(good.stdout).toContain('valid');
  });
});
