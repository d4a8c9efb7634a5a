import { parse } from 'smol-toml';
import { PACKAGE_NAME } from './package-name.js';
import { type DeclaredRequirement, type ParsedDependencies, normalizeSpecifier, parseRequirement } from './requirement.js';
import { normalizeName } from './package-name.js';

type Table = Record<string, unknown>;

/**
 * `pyproject.toml`: PEP 621 `[project] dependencies` and Poetry's `[tool.poetry.dependencies]` (caret and
 * tilde ranges translated to PEP 440). Optional, dev and group dependencies are not the pipeline's: left out.
 */
export function parsePyproject(text: string, file: string): ParsedDependencies {
  const result: ParsedDependencies = { requirements: [], ignored: [], includes: [] };
  let document: Table;
  try {
    document = parse(text) as Table;
  } catch (error) {
    result.ignored.push({ text: (error as Error).message.split('\n')[0]!, declaredIn: file, reason: 'unreadable' });
    return result;
  }
  const lineOf = (needle: string) => `${file}:${lineNumber(text, needle)}`;
  const project = asTable(document.project);
  for (const entry of Array.isArray(project?.dependencies) ? project.dependencies : []) {
    if (typeof entry !== 'string') continue;
    const requirement = parseRequirement(entry, lineOf(entry));
    if (requirement) result.requirements.push(requirement);
    else result.ignored.push({ text: entry, declaredIn: lineOf(entry), reason: entry.includes('@') ? 'url' : 'unreadable' });
  }
  const poetry = asTable(asTable(asTable(document.tool)?.poetry)?.dependencies) ?? {};
  for (const [name, value] of Object.entries(poetry)) {
    if (name.toLowerCase() === 'python' || !PACKAGE_NAME.test(name)) continue;
    const declaredIn = lineOf(name);
    const outcome = poetryRequirement(name, value, declaredIn);
    if ('reason' in outcome) {
      if (outcome.reason !== 'optional') result.ignored.push({ text: `${name} = ${JSON.stringify(value)}`, declaredIn, reason: outcome.reason });
    } else result.requirements.push(outcome);
  }
  return result;
}

function poetryRequirement(name: string, value: unknown, declaredIn: string): DeclaredRequirement | { reason: 'optional' | 'local-path' | 'url' | 'unreadable' } {
  const table = asTable(value);
  if (table?.optional === true) return { reason: 'optional' };
  if (table && ('path' in table)) return { reason: 'local-path' };
  if (table && ('git' in table || 'url' in table)) return { reason: 'url' };
  const version = typeof value === 'string' ? value : typeof table?.version === 'string' ? table.version : '*';
  const specifier = poetrySpecifier(version);
  if (specifier === undefined) return { reason: 'unreadable' };
  const extras = Array.isArray(table?.extras) ? table.extras.filter((e): e is string => typeof e === 'string').map(normalizeName).sort() : [];
  const marker = typeof table?.markers === 'string' ? table.markers : undefined;
  return { name: normalizeName(name), displayName: name, extras, specifier, ...(marker ? { marker } : {}), declaredIn };
}

/** Poetry's constraint syntax: `^1.2` → `<2,>=1.2`, `~1.2.3` → `<1.3,>=1.2.3`, `1.2.*`, `1.2.3`, `>=1,<2`. */
export function poetrySpecifier(constraint: string): string | undefined {
  const text = constraint.trim();
  if (text === '' || text === '*') return '';
  if (text.includes('||')) return ''; // an "or" of ranges has no PEP 440 form: any version, pip decides
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean).map(poetryPart);
  if (parts.some((part) => part === undefined)) return undefined;
  return normalizeSpecifier(parts.join(','));
}

function poetryPart(part: string): string | undefined {
  const caret = /^\^\s*(\d+(?:\.\d+)*)$/.exec(part);
  if (caret) return `>=${caret[1]},<${upperBound(caret[1]!, 'caret')}`;
  const tilde = /^~(?!=)\s*(\d+(?:\.\d+)*)$/.exec(part);
  if (tilde) return `>=${tilde[1]},<${upperBound(tilde[1]!, 'tilde')}`;
  if (/^\d[\w.*+!-]*$/.test(part)) return `==${part}`;
  return /^(~=|===|==|!=|<=|>=|<|>)/.test(part) ? part : undefined;
}

/** Caret: bump the first non-zero part; tilde: bump the minor (or the major when only it is given). */
function upperBound(version: string, kind: 'caret' | 'tilde'): string {
  const numbers = version.split('.').map(Number);
  let index = kind === 'tilde' ? Math.min(1, numbers.length - 1) : numbers.findIndex((n) => n !== 0);
  if (index < 0) index = numbers.length - 1;
  return [...numbers.slice(0, index), numbers[index]! + 1].join('.');
}

function asTable(value: unknown): Table | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : undefined;
}

/** The TOML parser keeps no positions: the first line mentioning the entry is where the team wrote it. */
function lineNumber(text: string, needle: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => line.includes(needle));
  return index + 1 || 1;
}
