/** One line of a `.env` file: an assignment (`[export ]KEY=value`), or anything else, kept as it is. */
export type DotenvLine = { kind: 'other'; text: string } | { kind: 'assign'; key: string; value: string; prefix: string; quote: string; comment: string };

const ASSIGN = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/;

/**
 * Reads a `.env` the way python-dotenv does for what matters here (`KEY=value`, `export`, quotes, a
 * trailing `# comment` after an unquoted value), keeping every other line byte for byte.
 */
export function parseDotenv(text: string): DotenvLine[] {
  return text.split('\n').map((text): DotenvLine => {
    const match = ASSIGN.exec(text.replace(/\r$/, ''));
    if (!match) return { kind: 'other', text };
    const raw = match[3]!;
    const quote = /^["']/.exec(raw)?.[0] ?? '';
    if (quote) {
      const end = raw.indexOf(quote, 1);
      return { kind: 'assign', key: match[2]!, prefix: match[1]!, quote, value: end > 0 ? raw.slice(1, end) : raw.slice(1), comment: end > 0 ? raw.slice(end + 1) : '' };
    }
    const hash = raw.search(/\s+#/);
    return { kind: 'assign', key: match[2]!, prefix: match[1]!, quote, value: (hash >= 0 ? raw.slice(0, hash) : raw).trim(), comment: hash >= 0 ? raw.slice(hash) : '' };
  });
}

/** The assignment with a new value, in the line's own style (`export`, quotes, trailing comment). */
export function withValue(line: Extract<DotenvLine, { kind: 'assign' }>, value: string): string {
  return `${line.prefix}${line.key}=${line.quote}${value}${line.quote}${line.comment}`;
}
