import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { normalizeName } from './package-name.js';

interface MappingEntry {
  debian: string | null;
  imports: string[];
}

interface MappingFile {
  packages: Record<string, MappingEntry>;
  conda: { rename: Record<string, string>; skip: string[] };
}

/** What the data file (debian-packages.json) says about one pip name. */
export interface KnownPackage {
  /** The pip name as PyPI spells it. */
  pipName: string;
  /** The Debian bookworm package that provides it, or null when Debian has none. */
  debian: string | null;
  /** Modules it is imported as. */
  imports: string[];
}

let loaded: { byName: Map<string, KnownPackage>; byImport: Map<string, KnownPackage>; conda: MappingFile['conda'] } | undefined;

/** Read once, on first use: `--help` and runs without requirements never parse it. */
function mapping() {
  if (loaded) return loaded;
  const file = JSON.parse(readFileSync(packagePath('runner', 'environment', 'debian-packages.json'), 'utf8')) as MappingFile;
  const byName = new Map<string, KnownPackage>();
  const byImport = new Map<string, KnownPackage>();
  for (const [pipName, entry] of Object.entries(file.packages)) {
    const known = { pipName, debian: entry.debian, imports: entry.imports };
    byName.set(normalizeName(pipName), known);
    for (const module of entry.imports) if (!byImport.has(module)) byImport.set(module, known);
  }
  loaded = { byName, byImport, conda: file.conda };
  return loaded;
}

/** The entry of a pip name (any spelling), if the data file knows it. */
export function knownPackage(pipName: string): KnownPackage | undefined {
  return mapping().byName.get(normalizeName(pipName));
}

/** The Debian package providing a pip name, when there is one. */
export function debianPackageFor(pipName: string): string | undefined {
  return knownPackage(pipName)?.debian ?? undefined;
}

/** Modules a distribution is imported as: the data file's, else its name with `-` as `_` (the usual case). */
export function importNamesFor(pipName: string): string[] {
  return knownPackage(pipName)?.imports ?? [normalizeName(pipName).replace(/-/g, '_')];
}

/** The pip package an `import x` (or `ModuleNotFoundError: No module named 'x.y'`) is about, if known. */
export function packageForImport(module: string): KnownPackage | undefined {
  return mapping().byImport.get(module.split('.')[0]!);
}

/**
 * Debian package names from a list mixing Debian names and pip names (`python-dotenv` → `python3-dotenv`):
 * what `images build --extra-packages` and a scenario's `sandbox.packages` accept.
 */
export function toDebianPackages(names: string[]): { packages: string[]; unknown: string[] } {
  const packages: string[] = [];
  const unknown: string[] = [];
  for (const raw of names.map((name) => name.trim()).filter(Boolean)) {
    // A pip name the data file knows becomes its Debian package; anything else is taken as a Debian name.
    const known = raw.startsWith('python3-') ? undefined : knownPackage(raw);
    const debian = known ? known.debian : raw;
    if (debian === null) unknown.push(raw);
    else if (!packages.includes(debian)) packages.push(debian);
  }
  return { packages, unknown };
}

/** environment.yml: the pip name of a conda package, or undefined when it is not a Python package. */
export function pipNameForConda(condaName: string): string | undefined {
  const { conda } = mapping();
  const name = condaName.toLowerCase();
  if (conda.skip.includes(name) || name.startsWith('r-') || name.startsWith('lib')) return undefined;
  return conda.rename[name] ?? condaName;
}
