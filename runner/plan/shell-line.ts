import { parse as parseShell } from 'shell-quote';
import { joinCwd } from './working-directory.js';

/** One program started by a shell line, with the folder it starts from (after any `cd`). */
export interface SimpleCommand {
  argv: string[];
  cwd: string;
}

/** A shell line split into its programs; `cwd` is the folder the next line starts from. */
export interface ShellLine {
  commands: SimpleCommand[];
  cwd: string;
  /** The line names something to fill in (`python train.py <data_path>`): it cannot be run as written. */
  placeholder: boolean;
}

const SEPARATORS = new Set(['&&', ';', '||', '&', ';;']);
const REDIRECTS = new Set(['>', '>>', '<', '>&', '<&', '>|', '&>', '<(', '<<', '<<<']);
/** Prefixes that start the real command (`poetry run python x.py` runs `python x.py`). */
const RUNNERS: Array<{ words: string[]; valued?: string[] }> = [
  { words: ['poetry', 'run'] },
  { words: ['pipenv', 'run'] },
  { words: ['uv', 'run'], valued: ['--with', '--python', '-p'] },
  { words: ['pdm', 'run'] },
  { words: ['hatch', 'run'] },
  { words: ['conda', 'run'], valued: ['-n', '--name', '-p', '--prefix'] },
  { words: ['mamba', 'run'], valued: ['-n', '--name', '-p', '--prefix'] },
];
const PREFIX_WORDS = new Set(['sudo', 'time', 'exec', 'nohup', 'env', 'command']);

/**
 * Splits a shell line (`cd etl && python main.py; python train.py`) into the programs it starts. `cd`
 * changes the folder of what follows, like a shell does; redirections and the right side of pipes are
 * dropped (`python x.py | tee log` runs `python x.py`); `sh -c "…"` is opened.
 */
export function parseShellLine(text: string, cwd: string): ShellLine {
  const placeholder = /<[A-Za-z_][\w .-]*>|\[[A-Za-z_][\w .-]*\]|\bpath\/to\//.test(text);
  // Windows paths (`python .\src\main.py`): a backslash before a name is a separator, not an escape.
  // A command substitution (`-v $(pwd):/app`) stays one word, as the shell would make it.
  const line = text.replace(/\\(?=[A-Za-z0-9_.])/g, '/').replace(/\$\([^()]*\)|`[^`]*`/g, '$SUBSTITUTION');
  let tokens: ReturnType<typeof parseShell>;
  try {
    tokens = parseShell(line, (name) => `$${name}`);
  } catch {
    return { commands: [], cwd, placeholder };
  }
  const commands: SimpleCommand[] = [];
  let current: string[] = [];
  let inPipe = false;
  let skipNext = false;
  let here = cwd;
  const flush = () => {
    if (current.length > 0 && !inPipe) here = addCommand(current, here, commands);
    current = [];
    inPipe = false;
  };
  for (const token of tokens) {
    if (typeof token === 'string') {
      if (skipNext) skipNext = false;
      else current.push(token);
      continue;
    }
    if ('comment' in token) break;
    if ('pattern' in token) {
      if (!skipNext) current.push(token.pattern);
      skipNext = false;
      continue;
    }
    const op = (token as { op: string }).op;
    if (SEPARATORS.has(op)) flush();
    else if (op === '|' || op === '|&') {
      if (!inPipe && current.length > 0) here = addCommand(current, here, commands);
      current = [];
      inPipe = true;
    } else if (REDIRECTS.has(op)) {
      if (/^\d$/.test(current.at(-1) ?? '')) current.pop(); // `2>` arrives as "2" then ">"
      skipNext = true;
    }
  }
  flush();
  // `cd etl && python build.py` means "run this from etl": the folder carries over to the next lines only
  // when the line is a `cd` alone, the way README blocks are written (and read).
  return { commands, cwd: commands.length === 0 ? here : cwd, placeholder };
}

/** Adds one simple command (or changes folder for `cd`); returns the folder that follows. */
function addCommand(words: string[], cwd: string, into: SimpleCommand[]): string {
  const argv = stripPrefixes(words);
  if (argv.length === 0) return cwd;
  if (argv[0] === 'cd' || argv[0] === 'pushd') {
    const target = argv[1];
    if (target === undefined || target === '~' || target === '/') return '.';
    if (target === '-') return cwd;
    return joinCwd(cwd, target) ?? cwd;
  }
  if ((argv[0] === 'sh' || argv[0] === 'bash') && argv[1] === '-c' && argv[2]) {
    const inner = parseShellLine(argv[2], cwd);
    into.push(...inner.commands);
    return cwd;
  }
  into.push({ argv, cwd });
  return cwd;
}

function stripPrefixes(words: string[]): string[] {
  let argv = [...words];
  for (let changed = true; changed && argv.length > 0; ) {
    changed = false;
    while (argv.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0]!)) {
      argv.shift();
      changed = true;
    }
    if (argv.length > 0 && PREFIX_WORDS.has(argv[0]!)) {
      argv.shift();
      changed = true;
    }
    const runner = RUNNERS.find((r) => r.words.every((word, i) => argv[i] === word));
    if (runner) {
      argv = argv.slice(runner.words.length);
      while (argv[0]?.startsWith('-')) argv = argv.slice(runner.valued?.includes(argv[0]) ? 2 : 1);
      changed = true;
    }
  }
  return argv;
}
