import { posix } from 'node:path';
import type { RepoFiles } from '../plan/repo-files.js';

/** A folder (or a lone file) of test files that pytest is given as one suite. */
export interface FoundSuite {
  path: string;
  files: string[];
}

const TEST_NAME = /^(test_.*|.*_test)\.py$/;
/** A test file defines a test: a `test_` function, a `Test…` class or a unittest case (a `test_data.py` script does not). */
const DEFINES_TEST = /^\s*(async\s+)?def\s+test\w*\s*\(|^\s*class\s+(Test\w*|\w+\(\s*(unittest\.)?TestCase\s*\))\s*[:(]/m;
const MAX_SUITES = 10;

/**
 * The team's test suites, read from the repository before anything runs: pytest's naming (`test_*.py`,
 * `*_test.py`) with at least one test defined. Files under a `tests/` or `test/` folder form one suite per such
 * folder (the outermost); other test files form a suite per folder. At most ten suites, in path order.
 */
export function findSuites(repo: RepoFiles): FoundSuite[] {
  const suites = new Map<string, string[]>();
  for (const file of repo.list()) {
    if (!TEST_NAME.test(posix.basename(file))) continue;
    const text = repo.text(file, 512 * 1024);
    if (text === undefined || !DEFINES_TEST.test(text)) continue;
    const key = suiteFolder(file);
    suites.set(key, [...(suites.get(key) ?? []), file]);
  }
  return [...suites.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(0, MAX_SUITES).map(([path, files]) => ({ path, files }));
}

function suiteFolder(file: string): string {
  const parts = file.split('/');
  const index = parts.findIndex((part, i) => i < parts.length - 1 && /^tests?$/.test(part));
  if (index >= 0) return parts.slice(0, index + 1).join('/');
  return parts.length > 1 ? parts.slice(0, -1).join('/') : '.';
}
