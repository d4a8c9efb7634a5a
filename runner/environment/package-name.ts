/**
 * PEP 503 normalised form of a Python distribution name: `Scikit_Learn` and `scikit.learn` are the same
 * project as `scikit-learn`. Every comparison of names (cache key, merging files, the Debian mapping) uses it.
 */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

/** A name pip accepts (PEP 508 identifier). Anything else in a requirement line is not a package. */
export const PACKAGE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
