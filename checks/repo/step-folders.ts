import type { StepRecord } from '../../runner/steps/step-record.js';

/**
 * The folders a README or a dependency file counts in: the repository's root, then each folder a step's entry lies
 * in and the folders between it and the root (`api/app/main.py` → `api/app`, `api`), in step order, once each.
 * A monorepo whose service lives in `api/` documents and declares it there; a stray file elsewhere does not count.
 */
export function stepFolders(steps: readonly StepRecord[]): string[] {
  const folders = [''];
  for (const step of steps) {
    const parts = (step.entry ?? '').split('/').slice(0, -1);
    for (let depth = parts.length; depth > 0; depth--) {
      const folder = parts.slice(0, depth).join('/');
      if (!folders.includes(folder)) folders.push(folder);
    }
  }
  return folders;
}
