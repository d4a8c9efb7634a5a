/**
 * Candidate-derived text (exception messages, output lines, file and table names) made harmless for where it is
 * shown. Every renderer and the terminal summary pass the report's strings through one of these.
 */

/**
 * Terminal escape sequences (ECMA-48): CSI (`ESC [` or the 8-bit `0x9b`) with its parameters, OSC/DCS/SOS/PM/APC
 * strings up to their terminator (BEL or ST), and two-character `ESC x` sequences. Removed whole, so no
 * parameter bytes (`[2J`) are left behind.
 */
const ESCAPE_SEQUENCES =
  // eslint-disable-next-line no-control-regex
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -~]?/g;

/**
 * Control characters other than tab and line feed (C0, DEL, C1), bidirectional overrides and isolates (they
 * reorder what a reader sees, "Trojan Source"), and the characters XML 1.0 forbids (U+FFFE, U+FFFF, lone
 * surrogates). Carriage returns go too: alone, they let a line overwrite itself on a terminal.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text without escapes and control characters; tabs and line breaks stay (`\r\n` becomes `\n`). */
export function plainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESCAPE_SEQUENCES, '').replace(UNSAFE_CHARACTERS, '').replace(/[\u2028\u2029]/g, '\n');
}

/**
 * One line for the terminal: plain text whose line breaks are shown as ` ↵ `, so a candidate's string never
 * starts a line of its own (where it could pass for mspr-lab's own "PASSED — score 20/20").
 */
export function terminalLine(text: string): string {
  return plainText(text).replace(/\t/g, ' ').replace(/\n/g, ' ↵ ');
}

/** Every string in a JSON-like value passed through `clean` (a copy; the report itself is never changed). */
export function mapStrings<T>(value: T, clean: (text: string) => string): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, clean)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, clean)])) as T;
  }
  return value;
}
