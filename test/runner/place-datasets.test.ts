import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load-scenario.js';
import { makeDatasetsRemovable, placeDatasets } from '../../runner/submission/place-datasets.js';

async function run(datasetsDir: string) {
  const root = mkdtempSync(join(tmpdir(), 'mspr-place-'));
  const workspace = join(root, 'deep', 'workspace');
  mkdirSync(workspace, { recursive: true });
  const datasets = join(root, 'datasets');
  const notes = await placeDatasets(await loadScenario('cdp-data-ia-bloc1-etl'), datasets, workspace, { datasetsDir });
  return { root, workspace, datasets, notes };
}

describe('placing the scenario datasets', () => {
  it("copies them into the candidate's datasetsDir and makes the shared copy read-only", async () => {
    const { workspace, datasets, notes } = await run('data');
    expect(existsSync(join(workspace, 'data/ventes.csv'))).toBe(true);
    expect(statSync(datasets).mode & 0o777).toBe(0o555);
    expect(statSync(join(datasets, 'ventes.csv')).mode & 0o777).toBe(0o444);
    expect(notes.map((n) => n.en)).toEqual(['Scenario datasets copied into data/ (mspr.yaml).']);
  });

  it('refuses a datasetsDir that leaves the repository, and says so', async () => {
    const { root, notes } = await run('../../escaped');
    expect(existsSync(join(root, 'escaped'))).toBe(false);
    expect(notes.map((n) => n.en)).toEqual(['datasetsDir "../../escaped" (mspr.yaml) leaves the repository: ignored, the data stays in $MSPR_DATASETS_DIR.']);
  });

  it('gives the write bits back so a non-root user can delete the run folder', async () => {
    const { datasets } = await run('data');
    await makeDatasetsRemovable(datasets);
    expect(statSync(datasets).mode & 0o777).toBe(0o755);
    expect(statSync(join(datasets, 'ventes.csv')).mode & 0o777).toBe(0o644);
  });
});
