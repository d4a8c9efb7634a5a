import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LoadedScenario, SandboxSettings, ServiceSpec, StepSpec } from '../../scenarios/scenario.js';
import { resolveDatasetPath } from '../../scenarios/validate-semantics.js';
import { type Localized, t } from '../i18n.js';

/**
 * What a team's run depended on besides its own code: the scenario's steps, sandbox (limits, image, network),
 * services, and the bytes of its datasets. Kept with the evidence; a regrade whose scenario changes any of them
 * cannot reuse the run (the team's outputs would have been others), only its checks and scoring may change.
 */
export interface RunInputs {
  steps: StepSpec[];
  sandbox: SandboxSettings;
  services: ServiceSpec[];
  datasets: Array<{ name: string; sha256: string }>;
}

export function runInputsOf(loaded: LoadedScenario): RunInputs {
  const { steps, sandbox, services, datasets } = loaded.scenario;
  return {
    steps: structuredClone(steps),
    sandbox: structuredClone(sandbox),
    services: structuredClone(services),
    datasets: datasets.map((dataset) => {
      const path = resolveDatasetPath(dataset.path, loaded.baseDir);
      return { name: dataset.as ?? basename(path), sha256: hashPath(path) };
    }),
  };
}

/** Each difference between the inputs a run had and those a scenario now gives, in words; empty when none. */
export function inputChanges(kept: RunInputs, now: RunInputs): Localized[] {
  const changes: Localized[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(kept.steps, now.steps)) changes.push(t('les étapes du scénario ont changé', 'the scenario’s steps changed'));
  if (!same(kept.sandbox, now.sandbox)) changes.push(t('le bac à sable du scénario a changé (limites, image ou réseau)', 'the scenario’s sandbox changed (limits, image or network)'));
  if (!same(kept.services, now.services)) changes.push(t('les services (bases de données) du scénario ont changé', 'the scenario’s services (databases) changed'));
  const before = new Map(kept.datasets.map((d) => [d.name, d.sha256]));
  const after = new Map(now.datasets.map((d) => [d.name, d.sha256]));
  for (const [name, sha] of after) {
    if (!before.has(name)) changes.push(t(`jeu de données ajouté : ${name}`, `dataset added: ${name}`));
    else if (before.get(name) !== sha) changes.push(t(`jeu de données modifié : ${name}`, `dataset changed: ${name}`));
  }
  for (const name of before.keys()) if (!after.has(name)) changes.push(t(`jeu de données retiré : ${name}`, `dataset removed: ${name}`));
  return changes;
}

// A batch hashes the same datasets for every team: kept per file while its size and time stay the same.
const memo = new Map<string, { key: string; sha256: string }>();

/** A file's bytes, or a folder's names and bytes (links not followed: the scenario's own files). */
function hashPath(path: string): string {
  const info = lstatSync(path);
  if (!info.isDirectory()) {
    const key = `${info.size}:${info.mtimeMs}`;
    const known = memo.get(path);
    if (known?.key === key) return known.sha256;
    const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
    memo.set(path, { key, sha256 });
    return sha256;
  }
  const hash = createHash('sha256');
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (lstatSync(child).isSymbolicLink()) continue;
    hash.update(`${name}\0${hashPath(child)}\0`);
  }
  return hash.digest('hex');
}
