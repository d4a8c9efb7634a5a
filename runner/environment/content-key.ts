import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

/** The install script itself: a fix in it must not be hidden by venvs it built before. */
let driverDigest: string | undefined;

/**
 * The cache key of an install: equal inputs, equal venv. Forty teams whose requirement files differ only in
 * order, spelling (`Scikit_Learn`) or comments share one. 20 hex digits: collisions are not a concern.
 */
export function contentKey(inputs: KeyInputs): string {
  driverDigest ??= createHash('sha256').update(readFileSync(packagePath('runner', 'environment', 'python', 'install_requirements.py'))).digest('hex');
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
