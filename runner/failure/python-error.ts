/** One frame of a Python traceback. `cell` is set for IPython's `Cell In [n], line m` frames. */
export interface PythonFrame {
  file: string;
  line: number;
  function?: string;
  /** The source line Python printed under the frame, when it did. */
  source?: string;
  cell?: number;
}

/** One `Type: message` line that ends a traceback (chained exceptions give several). */
export interface PythonException {
  type: string;
  message: string;
}

/** What the end of a failed Python process's stderr says. */
export interface PythonError {
  /** The exception that ended the process (for a notebook: the one raised in the cell). */
  exception: PythonException;
  /** Every exception printed, causes and contexts first, the final one last. */
  chain: PythonException[];
  /** Frames of the last traceback, most recent call last. */
  frames: PythonFrame[];
  /** nbconvert/nbclient reported a failing cell. */
  notebookCell: boolean;
  /** The whole stderr, ANSI colours removed, for patterns that span lines (psycopg2's hints). */
  text: string;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
/** `pkg.mod.ErrorName: message` at the start of a line; the name alone is enough (`StopIteration`). */
const EXCEPTION_LINE = /^((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Exit|Interrupt|Warning|gaierror|herror|timeout|StopIteration))(?::\s?(.*))?$/;
const FRAME = /^\s*File "([^"]+)", line (\d+)(?:, in (.+))?$/;
/** IPython's frames, as nbconvert prints a failing cell's traceback. */
const IPYTHON_FRAME = /^\s*File ([^\s:][^:]*):(\d+)(?:, in (.+))?$/;
const IPYTHON_CELL = /^\s*Cell In ?\[(\d+)\], line (\d+)/;

/**
 * Reads the exception a Python process ended with from its stderr: plain tracebacks, chained ones, syntax
 * errors, and nbconvert's report of a failing cell (IPython's coloured traceback inside nbclient's). Returns
 * undefined when stderr holds no exception line.
 */
export function parsePythonError(stderr: string): PythonError | undefined {
  const text = stderr.replace(ANSI, '').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  const chain: PythonException[] = [];
  for (const line of lines) {
    const match = EXCEPTION_LINE.exec(line);
    if (match && !/^(Traceback|During|The above)/.test(line)) chain.push({ type: match[1]!, message: (match[2] ?? '').trim() });
  }
  const notebookCell = /CellExecutionError/.test(text);
  // nbclient's own exception wraps the cell's: the cell's is what the team's code raised.
  const meaningful = chain.filter((item) => !item.type.endsWith('CellExecutionError'));
  const exception = meaningful.at(-1) ?? chain.at(-1);
  if (!exception) return undefined;
  return { exception, chain, frames: lastTracebackFrames(lines), notebookCell, text };
}

function lastTracebackFrames(lines: string[]): PythonFrame[] {
  let start = 0;
  lines.forEach((line, index) => {
    if (/Traceback \(most recent call last\)/.test(line)) start = index;
  });
  const frames: PythonFrame[] = [];
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    const plain = FRAME.exec(line) ?? IPYTHON_FRAME.exec(line);
    const cell = IPYTHON_CELL.exec(line);
    if (plain) frames.push({ file: plain[1]!, line: Number(plain[2]), function: plain[3], source: sourceAfter(lines, index) });
    else if (cell) frames.push({ file: '<cell>', line: Number(cell[2]), cell: Number(cell[1]), source: sourceAfter(lines, index) });
  }
  // A syntax error prints one `File "x", line n` without a "Traceback" header when the script itself fails to parse.
  if (frames.length === 0) {
    for (const [index, line] of lines.entries()) {
      const plain = FRAME.exec(line);
      if (plain) frames.push({ file: plain[1]!, line: Number(plain[2]), function: plain[3], source: sourceAfter(lines, index) });
    }
  }
  return frames;
}

function sourceAfter(lines: string[], index: number): string | undefined {
  const next = lines[index + 1];
  if (next === undefined || FRAME.test(next) || IPYTHON_CELL.test(next) || !/^\s{2,}\S/.test(next) || /^\s*\^+\s*$/.test(next)) return undefined;
  // IPython prefixes the failing line with `----> 12 `.
  return next.trim().replace(/^-*>\s*\d+\s+/, '');
}

/** The last frame that lies in one of `roots` (the team's repository), with its path made relative. */
export function lastFrameUnder(frames: PythonFrame[], roots: string[]): (PythonFrame & { relative: string }) | undefined {
  for (const frame of [...frames].reverse()) {
    if (frame.cell !== undefined) return { ...frame, relative: '<cell>' };
    for (const root of roots) if (root && frame.file.startsWith(`${root}/`)) return { ...frame, relative: frame.file.slice(root.length + 1) };
  }
  return undefined;
}
