import { parseCondaEnvironment } from './parse-conda-environment.js';
import { parsePyproject } from './parse-pyproject.js';
import { parseRequirementsTxt } from './parse-requirements-txt.js';
import type { ParsedDependencies } from './requirement.js';

/** Dependency files read at the root of every folder a step runs from. */
export const DEPENDENCY_FILE = /^(requirements[\w.-]*\.txt|pyproject\.toml|environment\.ya?ml)$/i;

/**
 * Reads one dependency file by its name: a requirements file (`*.txt`), `pyproject.toml` or a conda
 * `environment.yml`. `path` is how it is cited (`api/requirements.txt`), relative to the workspace.
 */
export function parseDependencyFile(path: string, text: string): ParsedDependencies {
  const name = path.toLowerCase();
  if (name.endsWith('.toml')) return parsePyproject(text, path);
  if (name.endsWith('.yml') || name.endsWith('.yaml')) return parseCondaEnvironment(text, path);
  return parseRequirementsTxt(text, path);
}
