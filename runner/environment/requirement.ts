import { normalizeName, PACKAGE_NAME } from './package-name.js';

/** One package a team declares, as pip will be asked for it. */
export interface DeclaredRequirement {
  /** PEP 503 normalised name (`scikit-learn`), the identity used everywhere. */
  name: string;
  /** As the team wrote it (`Scikit_Learn`), for messages. */
  displayName: string;
  extras: string[];
  /** PEP 440 specifier without spaces, its parts sorted (`<2,>=1.5`); empty for any version. */
  specifier: string;
  /** PEP 508 environment marker (`sys_platform == "win32"`), evaluated by the install driver. */
  marker?: string;
  /** Where it was declared: `requirements.txt:3`. */
  declaredIn: string;
}

/** Why a declared line is not handed to pip. */
export type IgnoredReason =
  /** `-e .`, `./libs/x`, a wheel file: the team's own code or a file, not an index package. */
  | 'local-path'
  /** `git+https://…`, `name @ https://…`: the sandbox does not fetch from arbitrary hosts. */
  | 'url'
  /** `--index-url`, `-c constraints.txt`…: the grader, not the repository, chooses the index. */
  | 'option'
  /** A conda package that is not a Python package (`python=3.11`, `cudatoolkit`). */
  | 'conda-only'
  /** Its environment marker excludes this interpreter (`pywin32; sys_platform == "win32"`). */
  | 'marker'
  /** A line or a file mspr-lab could not read as requirements. */
  | 'unreadable';

/** A declaration left out of the install, and why (shown in the report so nothing vanishes silently). */
export interface IgnoredDeclaration {
  text: string;
  declaredIn: string;
  reason: IgnoredReason;
}

/** What one dependency file declares; `includes` are the files it pulls in (`-r other.txt`), relative to it. */
export interface ParsedDependencies {
  requirements: DeclaredRequirement[];
  ignored: IgnoredDeclaration[];
  includes: string[];
}

const SPECIFIER_PART = /^(~=|===|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+$/;

/**
 * Reads one PEP 508 requirement (`pandas[excel] >= 1.5, <3 ; python_version >= "3.9"`), without URLs.
 * Returns undefined for anything else, which the caller reports as ignored.
 */
export function parseRequirement(text: string, declaredIn: string): DeclaredRequirement | undefined {
  const [head = '', ...markerParts] = text.split(';');
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(head);
  if (!match || !PACKAGE_NAME.test(match[1]!)) return undefined;
  const specifier = normalizeSpecifier(match[3]!.replace(/^\((.*)\)$/, '$1'));
  if (specifier === undefined) return undefined;
  const marker = markerParts.join(';').trim();
  return {
    name: normalizeName(match[1]!),
    displayName: match[1]!,
    extras: (match[2] ?? '').split(',').map((extra) => normalizeName(extra)).filter(Boolean).sort(),
    specifier,
    ...(marker ? { marker } : {}),
    declaredIn,
  };
}

/** `>= 1.5 , <3` → `<3,>=1.5`; undefined when it is not a PEP 440 specifier set. */
export function normalizeSpecifier(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const parts = trimmed.split(',').map((part) => part.replace(/\s+/g, ''));
  if (!parts.every((part) => SPECIFIER_PART.test(part))) return undefined;
  return [...new Set(parts)].sort().join(',');
}

/** The string handed to pip for a requirement. */
export function pipRequirement(requirement: DeclaredRequirement): string {
  const extras = requirement.extras.length > 0 ? `[${requirement.extras.join(',')}]` : '';
  return `${requirement.name}${extras}${requirement.specifier}${requirement.marker ? `; ${requirement.marker}` : ''}`;
}

/** `pandas==2.1.3`, as a jury reads it. */
export function requirementLabel(requirement: Pick<DeclaredRequirement, 'displayName' | 'specifier'>): string {
  return `${requirement.displayName}${requirement.specifier}`;
}
