import { parseDependencyFile } from '../../runner/environment/parse-dependency-file.js';

/**
 * The package names a dependency file declares (as the team wrote them), read by the same parsers as the
 * team's Python environment (runner/environment), so the check and the install agree on what is declared.
 */
export function declaredPackages(fileName: string, text: string): string[] {
  return parseDependencyFile(fileName, text).requirements.map((requirement) => requirement.displayName);
}
