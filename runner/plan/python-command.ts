import { posix } from 'node:path';

/** `python3 -u -m pkg.mod --x` read the way the interpreter reads its own command line. */
export interface PythonCommand {
  /** The words after the interpreter, as written (kept for the step's argv). */
  words: string[];
  module?: string;
  script?: string;
  inline: boolean;
  /** Arguments after the script or module. */
  args: string[];
}

const VALUED_OPTIONS = new Set(['-W', '-X', '--check-hash-based-pycs']);

/** `python`, `python3`, `python3.11`, `py` (Windows' launcher), `/usr/bin/python3`. */
export function isPythonProgram(word: string | undefined): boolean {
  return word !== undefined && /^(python[0-9.]*|py)$/.test(posix.basename(word));
}

/** Reads the interpreter's options; undefined when argv does not start with a Python interpreter. */
export function readPythonCommand(argv: string[]): PythonCommand | undefined {
  if (!isPythonProgram(argv[0])) return undefined;
  const words = argv.slice(1);
  if (posix.basename(argv[0]!) === 'py' && /^-[23](\.\d+)?$/.test(words[0] ?? '')) words.shift();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-m') return { words, module: words[i + 1], inline: false, args: words.slice(i + 2) };
    if (word.startsWith('-m') && word.length > 2 && !word.startsWith('--')) return { words, module: word.slice(2), inline: false, args: words.slice(i + 1) };
    if (word === '-c' || (word.startsWith('-c') && !word.startsWith('--'))) return { words, inline: true, args: [] };
    if (word === '--') return { words, script: words[i + 1], inline: false, args: words.slice(i + 2) };
    if (VALUED_OPTIONS.has(word)) {
      i++;
      continue;
    }
    if (word.startsWith('-')) continue;
    return { words, script: word, inline: false, args: words.slice(i + 1) };
  }
  return { words, inline: false, args: [] };
}

/** Where `python -m a.b` finds its code, from `cwd`: `a/b.py` or `a/b/__main__.py`. */
export function moduleFiles(cwd: string, module: string): string[] {
  const base = posix.join(cwd, ...module.split('.'));
  return [`${base}.py`, `${base}/__main__.py`].map((path) => posix.normalize(path));
}
