/**
 * Reads the package names a dependency file declares. Only the names matter here (whether the file says
 * anything at all); versions and markers are ignored.
 */
export function declaredPackages(fileName: string, text: string): string[] {
  const name = fileName.toLowerCase();
  if (name.endsWith('.txt')) return requirementsPackages(text);
  if (name.endsWith('.toml')) return pyprojectPackages(text);
  if (name.endsWith('.yml') || name.endsWith('.yaml')) return condaPackages(text);
  return [];
}

function requirementsPackages(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('-'))
    .map((line) => line.split(/[<>=!~;\[\s@]/)[0]!)
    .filter(Boolean);
}

/** PEP 621 `dependencies = [...]` and Poetry's `[tool.poetry.dependencies]` table. */
function pyprojectPackages(text: string): string[] {
  const found: string[] = [];
  const pep621 = /^\s*dependencies\s*=\s*\[([\s\S]*?)\]/m.exec(text);
  if (pep621) for (const match of pep621[1]!.matchAll(/["']([A-Za-z0-9_.-]+)/g)) found.push(match[1]!);
  const poetry = /^\[tool\.poetry\.dependencies\]([\s\S]*?)(^\[|(?![\s\S]))/m.exec(text);
  if (poetry) {
    for (const match of poetry[1]!.matchAll(/^\s*([A-Za-z0-9_.-]+)\s*=/gm)) if (match[1] !== 'python') found.push(match[1]!);
  }
  return found;
}

/** Conda `environment.yml`: the `- name=version` items under `dependencies:` (and its `pip:` list). */
function condaPackages(text: string): string[] {
  const section = /^dependencies:\s*\n([\s\S]*?)(?=^\S|(?![\s\S]))/m.exec(text);
  if (!section) return [];
  return section[1]!
    .split(/\r?\n/)
    .map((line) => /^\s*-\s*([A-Za-z0-9_.-]+)\s*(:?)/.exec(line))
    .filter((match): match is RegExpExecArray => Boolean(match) && match![2] !== ':')
    .map((match) => match[1]!)
    .filter((name) => name !== 'pip' && name !== 'python');
}
