import { chmod, cp, mkdir, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { LoadedScenario } from '../../scenarios/scenario.js';
import { resolveDatasetPath } from '../../scenarios/validate-semantics.js';
import { t, type Localized } from '../i18n.js';
import type { CandidateManifest } from './candidate-manifest.js';

/**
 * Copies the scenario's datasets into the run's datasets folder (exposed read-only to the code as
 * `$MSPR_DATASETS_DIR`), and into the workspace folder the candidate's `mspr.yaml` names with
 * `datasetsDir`, where their code expects them. Files there are replaced by the scenario's originals so
 * every team is graded on the same data.
 */
export async function placeDatasets(loaded: LoadedScenario, datasetsDir: string, workspaceDir: string, manifest: CandidateManifest | undefined): Promise<Localized[]> {
  await mkdir(datasetsDir, { recursive: true });
  const notes: Localized[] = [];
  for (const dataset of loaded.scenario.datasets) {
    const from = resolveDatasetPath(dataset.path, loaded.baseDir);
    const name = dataset.as ?? basename(from);
    await cp(from, join(datasetsDir, name), { recursive: true });
    if (manifest?.datasetsDir) await cp(from, join(workspaceDir, manifest.datasetsDir, name), { recursive: true });
  }
  if (manifest?.datasetsDir && loaded.scenario.datasets.length > 0) {
    notes.push(t(`Jeux de données du scénario copiés dans ${manifest.datasetsDir}/ (mspr.yaml).`, `Scenario datasets copied into ${manifest.datasetsDir}/ (mspr.yaml).`));
  }
  await makeReadOnly(datasetsDir);
  return notes;
}

/** Read-only by permission bits; the docker backend also mounts the folder read-only. */
async function makeReadOnly(path: string): Promise<void> {
  const info = await stat(path);
  if (info.isDirectory()) {
    for (const entry of await readdir(path)) await makeReadOnly(join(path, entry));
    await chmod(path, 0o555);
  } else {
    await chmod(path, 0o444);
  }
}
