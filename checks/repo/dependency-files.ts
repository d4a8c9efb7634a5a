import { parse } from 'smol-toml';
import { looksBinary } from '../../runner/environment/looks-binary.js';
import { DEPENDENCY_FILE, parseDependencyFile } from '../../runner/environment/parse-dependency-file.js';
import { normalizeName } from '../../runner/environment/package-name.js';

export { looksBinary };

/** The dependency files a folder may hold: requirements*.txt, pyproject.toml, environment.yml, Pipfile. */
export function isDependencyFile(name: string): boolean {
  return DEPENDENCY_FILE.test(name) || name === 'Pipfile';
}

/** What one dependency file declares: names as the team wrote them, and their PEP 503 forms for comparisons. */
export interface Declared {
  packages: string[];
  names: string[];
}

/**
 * The packages a dependency file declares, read by the same parsers as the team's Python environment
 * (runner/environment), so the check and the install agree on what is declared; a Pipfile (which the install does
 * not read) by its `[packages]` and `[dev-packages]` tables. A binary file declares nothing.
 */
export function declaredIn(fileName: string, text: string): Declared {
  if (looksBinary(text)) return { packages: [], names: [] };
  if (fileName === 'Pipfile') {
    let document: Record<string, unknown>;
    try {
      document = parse(text) as Record<string, unknown>;
    } catch {
      return { packages: [], names: [] };
    }
    const packages = ['packages', 'dev-packages'].flatMap((table) => Object.keys((document[table] as Record<string, unknown> | undefined) ?? {}));
    return { packages, names: packages.map(normalizeName) };
  }
  const requirements = parseDependencyFile(fileName, text).requirements;
  return { packages: requirements.map((requirement) => requirement.displayName), names: requirements.map((requirement) => requirement.name) };
}

/** The package names a dependency file declares (as the team wrote them). */
export function declaredPackages(fileName: string, text: string): string[] {
  return declaredIn(fileName, text).packages;
}
