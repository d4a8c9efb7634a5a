/**
 * Reads the package names a dependency file declares. Only the names matter here (whether the file says
 * anything at all); versions and markers are ignored.
 */
export function declaredPackages(fileName: string, text: string): string[] {
  if (looksBinary(text)) return [];
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
    .filter((name) => PACKAGE_NAME.test(name));
}

/** PEP 508 names: letters, digits, `.`, `_`, `-`, starting and ending with a letter or digit. */
const PACKAGE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/**
 * Whether decoded text is really bytes: a NUL, or more than 5 % control characters in its first 8 KiB.
 * A binary `requirements.txt` (a zip, an image renamed) decodes as Latin-1 into lines of noise that must not
 * count as packages.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return sample.length > 0 && controls / sample.length > 0.05;
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
