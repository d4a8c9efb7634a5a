import { chmod, cp, lstat, mkdir, readdir } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
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
  const candidateDir = manifest?.datasetsDir ? insideWorkspace(workspaceDir, manifest.datasetsDir) : undefined;
  if (manifest?.datasetsDir && !candidateDir) {
    notes.push(
      t(
        `datasetsDir « ${manifest.datasetsDir} » (mspr.yaml) sort du dépôt : ignoré, les données restent dans $MSPR_DATASETS_DIR.`,
        `datasetsDir "${manifest.datasetsDir}" (mspr.yaml) leaves the repository: ignored, the data stays in $MSPR_DATASETS_DIR.`,
      ),
    );
  }
  for (const dataset of loaded.scenario.datasets) {
    const from = resolveDatasetPath(dataset.path, loaded.baseDir);
    const name = dataset.as ?? basename(from);
    await cp(from, join(datasetsDir, name), { recursive: true });
    if (candidateDir) await cp(from, join(candidateDir, name), { recursive: true });
  }
  if (candidateDir && loaded.scenario.datasets.length > 0) {
    notes.push(t(`Jeux de données du scénario copiés dans ${manifest!.datasetsDir}/ (mspr.yaml).`, `Scenario datasets copied into ${manifest!.datasetsDir}/ (mspr.yaml).`));
  }
  await setMode(datasetsDir, 0o555, 0o444);
  return notes;
}

/**
 * Gives the datasets folder its write bits back so the run folder can be deleted: a non-root user cannot
 * remove files from a 0555 folder, and the run folder would otherwise stay behind in the temp directory.
 */
export function makeDatasetsRemovable(datasetsDir: string): Promise<void> {
  return setMode(datasetsDir, 0o755, 0o644).catch(() => undefined);
}

/** The candidate's `datasetsDir`, resolved; undefined when it points outside the workspace (`../..`). */
function insideWorkspace(workspaceDir: string, path: string): string | undefined {
  const target = resolve(workspaceDir, path);
  const rel = relative(workspaceDir, target);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : target;
}

/**
 * Read-only by permission bits (0555/0444); the docker backend also mounts the folder read-only. `lstat`,
 * and links skipped: chmod follows links, and this runs after the candidate's code (to remove the folder).
 */
async function setMode(path: string, dirMode: number, fileMode: number): Promise<void> {
  const info = await lstat(path);
  if (info.isSymbolicLink()) return;
  if (info.isDirectory()) {
    await chmod(path, 0o755); // enter and list it, whatever its current mode
    for (const entry of await readdir(path)) await setMode(join(path, entry), dirMode, fileMode);
    await chmod(path, dirMode);
  } else {
    await chmod(path, fileMode);
  }
}
