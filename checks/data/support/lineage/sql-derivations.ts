import type { SqlEvent } from '../../../../runner/tracer/data-event-types.js';

/** A table filled by SQL from other tables: `INSERT INTO t (a, b) SELECT x, y AS b FROM s`, `CREATE TABLE t AS SELECT …`. */
export interface SqlDerivation {
  table: string;
  /** The table the rows come from (the first of FROM). */
  from: string;
  /** Tables joined in (their columns are looked up, not their rows). */
  joined: string[];
  /** Source table column → target table column; `undefined` for `SELECT *` (every column keeps its name). */
  pairs: Record<string, string> | undefined;
  /** A GROUP BY, DISTINCT or aggregate: the table holds groups, not the source's rows. */
  aggregated: boolean;
  event: SqlEvent;
}

const INSERT_SELECT = /^\s*(?:insert|replace)\s+(?:or\s+\w+\s+)?into\s+([\w".`[\]]+)\s*(?:\(([^)]*)\))?\s*(select\b[\s\S]*)$/i;
const CREATE_AS = /^\s*create\s+(?:temp(?:orary)?\s+)?table\s+(?:if\s+not\s+exists\s+)?([\w".`[\]]+)\s*(?:\(([^)]*)\)\s*)?as\s*\(?\s*(select\b[\s\S]*?)\)?\s*;?\s*$/i;
/** Functions that keep a column's values (a cast, a trim, a case change): `CAST("TotalDécès" AS INTEGER) AS deces`. */
const KEEPING = /^(cast|trim|ltrim|rtrim|upper|lower|round|coalesce|ifnull|nullif|substr|substring|replace)\s*\(\s*([^,()]+?)(?:\s+as\s+\w+(?:\s*\([^)]*\))?)?\s*(?:,[^()]*)?\)$/i;

/** The SQL statements of the trace that fill a table from another one, read for their column pairs. */
export function sqlDerivations(statements: readonly SqlEvent[]): SqlDerivation[] {
  const out: SqlDerivation[] = [];
  for (const event of statements) {
    if (event.error || !event.statement) continue;
    const match = INSERT_SELECT.exec(event.statement) ?? CREATE_AS.exec(event.statement);
    if (!match) continue;
    const select = readSelect(match[3]!);
    if (!select) continue;
    const target = match[2] ? splitTopLevel(match[2]).map(unquote) : undefined;
    let pairs: Record<string, string> | undefined;
    if (!select.star) {
      pairs = {};
      select.items.forEach((item, i) => {
        const name = target?.[i] ?? item.alias ?? item.column;
        if (item.column && name) pairs![item.column] = name;
      });
    }
    out.push({ table: unquote(match[1]!), from: select.from, joined: select.joined, pairs, aggregated: select.aggregated, event });
  }
  return out;
}

interface SelectItem {
  /** The source column it reads, when it reads one (a bare column or a value-keeping function of one). */
  column?: string;
  alias?: string;
}

function readSelect(text: string): { items: SelectItem[]; star: boolean; from: string; joined: string[]; aggregated: boolean } | undefined {
  const body = /^select\s+(distinct\s+)?([\s\S]+?)\s+from\s+([\w".`[\]]+)(?:\s+(?:as\s+)?(?!where|group|order|limit|join|inner|left|right|full|cross|natural|on|union)\w+)?([\s\S]*)$/i.exec(text.trim());
  if (!body) return undefined;
  const list = splitTopLevel(body[2]!);
  const star = list.length === 1 && /^(\w+\.)?\*$/.test(list[0]!);
  const rest = body[4] ?? '';
  const joined = [...rest.matchAll(/\bjoin\s+([\w".`[\]]+)/gi)].map((m) => unquote(m[1]!));
  const aggregated = Boolean(body[1]) || /\bgroup\s+by\b/i.test(rest) || list.some((item) => /^(count|sum|avg|min|max|group_concat|string_agg)\s*\(/i.test(item));
  return { items: star ? [] : list.map(readItem), star, from: unquote(body[3]!), joined, aggregated };
}

function readItem(item: string): SelectItem {
  const aliased = /^([\s\S]+?)\s+(?:as\s+)?([\w]+|"[^"]+"|`[^`]+`|\[[^\]]+\])$/i.exec(item);
  const expression = (aliased && !/^(\w+\.)?("[^"]+"|\w+)$/.test(item) ? aliased[1]! : item).trim();
  const alias = aliased && expression !== item.trim() ? unquote(aliased[2]!) : undefined;
  const bare = /^(?:[\w"`[\]]+\.)?("[^"]+"|`[^`]+`|\[[^\]]+\]|\w+)$/.exec(expression);
  if (bare && !/^\d/.test(bare[1]!)) return { column: unquote(bare[1]!), ...(alias ? { alias } : {}) };
  const kept = KEEPING.exec(expression);
  const inner = kept ? /^(?:[\w"`[\]]+\.)?("[^"]+"|`[^`]+`|\[[^\]]+\]|\w+)$/.exec(kept[2]!.trim()) : undefined;
  if (inner && !/^\d|^'/.test(inner[1]!)) return { column: unquote(inner[1]!), ...(alias ? { alias } : {}) };
  return alias ? { alias } : {};
}

/** Splits on commas outside parentheses and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function unquote(name: string): string {
  const last = name.trim().split('.').at(-1)!;
  return last.replace(/^["`[]|["`\]]$/g, '');
}
