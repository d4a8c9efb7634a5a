import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../paths.js';
import { type DeclaredRequirement, pipRequirement } from './requirement.js';

/** Everything an install's result depends on. Where the requirements were declared is not part of it. */
export interface KeyInputs {
  /** The interpreter and the packages the image already has (local: version, platform, site contents; docker: image id). */
  interpreter: Record<string, string>;
  requirements: DeclaredRequirement[];
  indexUrl?: string;
  trustedHosts: string[];
  /** Content hash of the wheel folder, when one is given. */
  wheelhouse?: string;
  allowSdist: boolean;
}

/** The install driver's own files: a fix in them must not be hidden by venvs they built before. */
let driverDigest: string | undefined;

/**
 * The cache key of an install: equal inputs, equal venv. Forty teams whose requirement files differ only in
 * order, spelling (`Scikit_Learn`) or comments share one. 20 hex digits: collisions are not a concern.
 */
export function contentKey(inputs: KeyInputs): string {
  driverDigest ??= driverFilesDigest();
  const canonical = {
    v: 1,
    driver: driverDigest,
    interpreter: Object.fromEntries(Object.entries(inputs.interpreter).sort(([a], [b]) => a.localeCompare(b))),
    requirements: inputs.requirements.map(pipRequirement).sort(),
    index: inputs.indexUrl ?? null,
    trustedHosts: [...inputs.trustedHosts].sort(),
    wheelhouse: inputs.wheelhouse ?? null,
    allowSdist: inputs.allowSdist,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 20);
}

function driverFilesDigest(): string {
  const folder = packagePath('runner', 'environment', 'python');
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.py')).sort()) hash.update(name).update(readFileSync(join(folder, name)));
  return hash.digest('hex');
}
