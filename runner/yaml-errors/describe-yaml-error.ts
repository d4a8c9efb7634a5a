import { parseDocument, visit, type YAMLError } from 'yaml';
import { t } from '../i18n.js';

/** What a user reads about a YAML file that does not parse: where, why, and the lines around it. */
export interface YamlErrorDescription {
  fr: string;
  en: string;
  /** 1-based, as an editor counts; undefined when the parser gave no position. */
  line?: number;
  column?: number;
  /** Up to 3 numbered lines around the error, a caret `^` under the column; empty without a position. */
  excerpt: string;
}

/**
 * French for the parser's common reasons, matched on its English words (one code, e.g. MISSING_CHAR, covers
 * several mistakes): a candidate who reads French learns why the file is refused. The English stays after it.
 */
const REASONS_FR: [RegExp, string][] = [
  [/^Missing closing "quote/, 'guillemet « " » jamais fermé'],
  [/^Missing closing 'quote/, 'apostrophe « \' » jamais fermée'],
  [/^Map keys must be unique/, 'clé en double'],
  [/^Tabs are not allowed as indentation/, 'tabulation utilisée pour indenter (YAML n’accepte que des espaces)'],
  [/^All mapping items must start at the same column/, 'les clés d’un même bloc doivent commencer à la même colonne'],
  [/^All sequence items must start at the same column/, 'les éléments d’une même liste doivent commencer à la même colonne'],
  [/^Sequence item without - indicator/, 'élément de liste sans tiret « - » (indentation ?)'],
  [/^Flow sequence .* end with a \]/, 'liste entre crochets mal indentée ou sans « ] » final'],
  [/^Flow mapping .* end with a \}/, 'objet entre accolades mal indenté ou sans « } » final'],
  [/^Implicit keys need to be on a single line/, 'une clé doit tenir sur une seule ligne (indentation ou « : » manquant ?)'],
  [/^Implicit map keys need to be followed by map values/, 'clé sans « : » ni valeur'],
  [/^Nested mappings are not allowed in compact mappings/, 'deux « clé: » sur une même ligne (mettez la valeur entre guillemets ?)'],
  [/^A block sequence may not be used as an implicit map key/, 'liste mal placée (indentation ?)'],
  [/^Plain value cannot start with/, 'valeur qui commence par un caractère réservé (mettez-la entre guillemets)'],
  [/^Unexpected/, 'caractère inattendu'],
];

/** Describes a parse error of `text` (read from `path`) in both languages, with its line, column and excerpt. */
export function describeYamlError(path: string, text: string, error: YAMLError | Error): YamlErrorDescription {
  // The library appends " at line 3, column 1:" and its own excerpt to the message: we print ours.
  const reasonEn = (error.message.split('\n')[0] ?? '').replace(/\s+at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
  const french = REASONS_FR.find(([pattern]) => pattern.test(reasonEn))?.[1];
  const reasonFr = french ? `${french} (${reasonEn})` : reasonEn;
  const position = positionOf(text, error, reasonEn);
  if (!position) {
    return { ...t(`${path} : YAML invalide — ${reasonFr}`, `${path}: invalid YAML — ${reasonEn}`), excerpt: '' };
  }
  const { line, column } = position;
  return {
    ...t(`${path}, ligne ${line}, colonne ${column} : YAML invalide — ${reasonFr}`, `${path}, line ${line}, column ${column}: invalid YAML — ${reasonEn}`),
    line,
    column,
    excerpt: excerptAt(text, line, column),
  };
}

/**
 * Where the user must look. The parser's position, except for a quote never closed: it reports the end of
 * the file, where nothing is wrong, so we point at the quote that opened the unfinished string instead.
 */
function positionOf(text: string, error: YAMLError | Error, reasonEn: string): { line: number; column: number } | undefined {
  const reported = 'linePos' in error ? error.linePos?.[0] : undefined;
  if (!reported) return undefined;
  if ('pos' in error && /^Missing closing ["']quote/.test(reasonEn)) {
    let opening: number | undefined;
    visit(parseDocument(text), {
      Scalar(_key, node) {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === error.pos[0]) opening = node.range[0];
      },
    });
    if (opening !== undefined) {
      const before = text.slice(0, opening).replace(/\r\n?/g, '\n').split('\n');
      return { line: before.length, column: before.at(-1)!.length + 1 };
    }
  }
  return { line: reported.line, column: reported.col };
}

/**
 * The line before, the error's line with a caret under its column, and the line after, each numbered.
 * The caret line copies the tabs of the line it points into, so it stays under the right character.
 */
export function excerptAt(text: string, line: number, column: number): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  const first = Math.max(1, line - 1);
  const last = Math.min(Math.max(lines.length, line), line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const content = lines[number - 1] ?? '';
    out.push(`${String(number).padStart(width)} | ${content}`.trimEnd());
    if (number === line) {
      const before = [...content.slice(0, column - 1)].map((char) => (char === '\t' ? '\t' : ' ')).join('');
      out.push(`${' '.repeat(width)} | ${before.padEnd(column - 1)}^`);
    }
  }
  return out.join('\n');
}
