import { declaredPackages } from '../../checks/repo/dependency-files.js';
import type { WorkspaceFiles } from '../evidence/workspace-files.js';
import { normalizePackageName } from './known-packages.js';

/** A package the repository declares, and the file that declares it. */
export interface DeclaredRequirement {
  name: string;
  file: string;
}

/**
 * A requirement the environment stage could not install (no index, no wheel…), as it reports it. Optional:
 * without an environment stage, a declared package that is missing is simply "not installed here".
 */
export interface UnmetRequirement {
  name: string;
  reason?: string;
}

const DEPENDENCY_FILE = /(^|\/)(requirements[^/]*\.txt|pyproject\.toml|environment\.ya?ml)$/i;
/** A dependency file bigger than this is not a list a team wrote by hand; it is skipped rather than parsed. */
const MAX_BYTES = 512 * 1024;

/** Every package declared by the repository's dependency files, in any folder (`api/requirements.txt` too). */
export function declaredRequirements(workspace: WorkspaceFiles): DeclaredRequirement[] {
  const found: DeclaredRequirement[] = [];
  for (const file of workspace.list().filter((path) => DEPENDENCY_FILE.test(path))) {
    let text: string;
    try {
      if (workspace.readBytes(file).length > MAX_BYTES) continue;
      text = workspace.readText(file);
    } catch {
      continue;
    }
    for (const name of declaredPackages(file, text)) found.push({ name, file });
  }
  return found;
}

/** The declaration of any of `names` (module or distribution names), compared in PEP 503 form. */
export function findDeclared<T extends { name: string }>(declared: readonly T[], names: Array<string | undefined>): T | undefined {
  const wanted = new Set(names.filter((name): name is string => Boolean(name)).map(normalizePackageName));
  return declared.find((item) => wanted.has(normalizePackageName(item.name)));
}
