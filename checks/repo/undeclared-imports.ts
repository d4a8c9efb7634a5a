import { importNamesFor, packageForImport } from '../../runner/environment/debian-mapping.js';
import { normalizeName } from '../../runner/environment/package-name.js';
import type { ImportedLibrary } from '../../runner/static/read-code-imports.js';
import { ALWAYS_PRESENT, NOTEBOOK_KERNEL, PROVIDED_WITH } from './provided-with.js';

/** A library the code imports that no dependency file declares, with every place it is imported. */
export interface UndeclaredImport {
  /** The top-level import name (`missingno`, `cv2`). */
  module: string;
  /** The distribution to declare when it is known (`opencv-python` for cv2). */
  distribution?: string;
  /** `src/etl.py:4`, `notebooks/eda.ipynb#2:3` (code cell 2, line 3). */
  sites: string[];
}

/** How the import names line up with the declarations. */
export interface ImportComparison {
  /** Top-level import names declared, directly or through a declared package that installs them. */
  declared: string[];
  undeclared: UndeclaredImport[];
}

/**
 * Compares the libraries the code imports with the distributions declared (PEP 503 names): an import is declared
 * when a declared distribution is imported under that name (runner/environment/debian-packages.json knows
 * sklearn → scikit-learn, cv2 → opencv-python, yaml → PyYAML, PIL → Pillow, dotenv → python-dotenv, bs4 →
 * beautifulsoup4…; else the name itself with `-` as `_`), or installs it (provided-with.ts). Optional imports
 * (inside `try … except ImportError`) and what the interpreter or a notebook's kernel brings are never asked for.
 */
export function compareImports(imports: readonly ImportedLibrary[], declaredNames: readonly string[]): ImportComparison {
  const declared = new Set(declaredNames.map(normalizeName));
  const importable = new Set([...declared].flatMap((name) => importNamesFor(name)));
  const covered = new Set<string>();
  const missing = new Map<string, UndeclaredImport>();
  for (const item of imports) {
    const top = item.module.split('.')[0]!;
    if (item.optional || ALWAYS_PRESENT.has(top) || (item.file.endsWith('.ipynb') && NOTEBOOK_KERNEL.has(top))) continue;
    const known = packageForImport(top);
    const ok = importable.has(top) || declared.has(normalizeName(top)) || (known !== undefined && declared.has(normalizeName(known.pipName))) || (PROVIDED_WITH[top] ?? []).some((name) => declared.has(name));
    if (ok) {
      covered.add(top);
      continue;
    }
    const entry = missing.get(top) ?? { module: top, ...(known ? { distribution: known.pipName } : {}), sites: [] };
    const site = item.cell !== undefined ? `${item.file}#${item.cell}:${item.line}` : `${item.file}:${item.line}`;
    if (!entry.sites.includes(site)) entry.sites.push(site);
    missing.set(top, entry);
  }
  return { declared: [...covered].sort(), undeclared: [...missing.values()].sort((a, b) => a.module.localeCompare(b.module)) };
}
