import { looksBinary } from '../../runner/environment/looks-binary.js';
import { parseDependencyFile } from '../../runner/environment/parse-dependency-file.js';

export { looksBinary };

/**
 * The package names a dependency file declares (as the team wrote them), read by the same parsers as the
 * team's Python environment (runner/environment), so the check and the install agree on what is declared.
 * A binary file declares nothing.
 */
export function declaredPackages(fileName: string, text: string): string[] {
  if (looksBinary(text)) return [];
  return parseDependencyFile(fileName, text).requirements.map((requirement) => requirement.displayName);
}
