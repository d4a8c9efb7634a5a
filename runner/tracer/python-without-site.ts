import { basename } from 'node:path';

/**
 * True for `python -S …`, `-E`, `-I` (also combined, e.g. `-IB`): such a Python never loads the tracer
 * (`-S` skips sitecustomize, `-E`/`-I` ignore PYTHONPATH), so it must not be handed the trace key either — it
 * could seal whatever it wrote. The tracer applies the same rule to the processes the candidate starts
 * (`mspr_tracer/handoff.py`).
 */
export function pythonWithoutSite(argv: readonly string[]): boolean {
  const [program, ...args] = argv;
  if (!program || !/^python[0-9.]*$/.test(basename(program))) return false;
  let skip = false;
  for (const arg of args) {
    if (skip) {
      skip = false;
      continue;
    }
    if (arg === '-' || arg === '--' || !arg.startsWith('-')) return false;
    if (arg.startsWith('--')) {
      skip = arg === '--check-hash-based-pycs';
      continue;
    }
    const letters = arg.slice(1);
    for (const [index, letter] of [...letters].entries()) {
      if ('SEI'.includes(letter)) return true;
      if ('cm'.includes(letter)) return false;
      if ('WX'.includes(letter)) {
        skip = index === letters.length - 1;
        break;
      }
    }
  }
  return false;
}
