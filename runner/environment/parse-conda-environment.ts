import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { pipNameForConda } from './debian-mapping.js';
import { type ParsedDependencies, parseRequirement } from './requirement.js';
import { parseRequirementsTxt } from './parse-requirements-txt.js';

/**
 * A conda `environment.yml`: its `pip:` list as pip requirements, its conda packages under their pip names
 * (`pytorch` → `torch`), conda's version syntax translated (`numpy=1.24` means 1.24.*). Packages conda
 * ships that are not Python packages (`python`, `cudatoolkit`) are listed as ignored.
 */
export function parseCondaEnvironment(text: string, file: string): ParsedDependencies {
  const result: ParsedDependencies = { requirements: [], ignored: [], includes: [] };
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const at = (node: Node | null | undefined) => `${file}:${node?.range ? lines.linePos(node.range[0]).line : 1}`;
  if (document.errors.length > 0) {
    result.ignored.push({ text: document.errors[0]!.message.split('\n')[0]!, declaredIn: file, reason: 'unreadable' });
    return result;
  }
  const dependencies = isMap(document.contents) ? document.contents.get('dependencies', true) : undefined;
  if (!isSeq(dependencies)) return result;
  for (const item of dependencies.items) {
    if (isMap(item)) {
      const pip = item.get('pip', true);
      if (!isSeq(pip)) continue;
      for (const entry of pip.items) {
        if (!isScalar(entry) || typeof entry.value !== 'string') continue;
        // The pip list is a requirements file in all but name (`-r requirements.txt` included).
        const parsed = parseRequirementsTxt(entry.value, file);
        const declaredIn = at(entry);
        result.requirements.push(...parsed.requirements.map((r) => ({ ...r, declaredIn })));
        result.ignored.push(...parsed.ignored.map((i) => ({ ...i, declaredIn })));
        result.includes.push(...parsed.includes);
      }
    } else if (isScalar(item) && typeof item.value === 'string') {
      const declaredIn = at(item);
      const spec = condaSpec(item.value);
      const pipName = spec && pipNameForConda(spec.name);
      if (!spec || !pipName) {
        result.ignored.push({ text: item.value, declaredIn, reason: spec ? 'conda-only' : 'unreadable' });
        continue;
      }
      const requirement = parseRequirement(`${pipName}${spec.specifier}`, declaredIn);
      if (requirement) result.requirements.push(requirement);
      else result.ignored.push({ text: item.value, declaredIn, reason: 'unreadable' });
    }
  }
  return result;
}

/** `conda-forge::numpy=1.24.3=py311_0`, `numpy>=1.2`, `numpy 1.24.*` → name and a PEP 440 specifier. */
function condaSpec(text: string): { name: string; specifier: string } | undefined {
  const match = /^\s*(?:[\w.-]+::)?([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*?)\s*$/.exec(text);
  if (!match) return undefined;
  const [, name, rest] = match as unknown as [string, string, string];
  if (!rest) return { name, specifier: '' };
  if (rest.startsWith('==')) return { name, specifier: `==${rest.slice(2).trim().split(/[=\s]/)[0]}` };
  if (/^[<>!~]/.test(rest)) return { name, specifier: rest.split(/\s+(?=[^,<>=!~]*$)/)[0]!.replace(/\s+/g, '') };
  // Conda's `=1.24` (and `1.24`, `1.24*`) is a prefix match: every 1.24.x release; a build string may follow.
  const version = rest.replace(/^=/, '').split(/[=\s]/)[0]!.replace(/\.?\*$/, '');
  return { name, specifier: `==${version}.*` };
}
