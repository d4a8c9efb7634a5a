/** Aggregate functions: a select list made only of these summarises a table, it does not show its rows. */
const AGGREGATE = /\b(?:count|sum|avg|mean|min|max|total|median|group_concat|string_agg|array_agg|json_agg|listagg|stddev(?:_pop|_samp)?|std|variance|var_pop|var_samp|bool_and|bool_or|every|bit_and|bit_or)\s*\(/i;
const STAR = /^(?:[\w"`[\]]+\.)?\*$/;
const MODIFIERS = /^(?:distinct|all)\s+|^top\s*\(?\s*\d+\s*\)?\s*(?:percent\s+)?/i;

/**
 * The items of a statement's main select list (between its first SELECT and FROM outside parentheses, so a
 * CTE's or a subquery's own list is skipped); undefined when the text has no SELECT.
 */
export function selectList(sql: string): string[] | undefined {
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  const items: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let itemStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth !== 0) continue;
    else if (itemStart < 0) {
      if (keywordAt(text, i, 'select')) itemStart = i + 'select'.length;
    } else if (c === ',') {
      items.push(text.slice(itemStart, i));
      itemStart = i + 1;
    } else if (keywordAt(text, i, 'from')) {
      return clean([...items, text.slice(itemStart, i)]);
    }
  }
  return itemStart < 0 ? undefined : clean([...items, text.slice(itemStart)]);
}

/**
 * True when the rows a SELECT returns carry the table's columns — `*` (or `t.*`), or at least two columns of
 * which not all are aggregates — so showing them shows the table's content. `columns` is the traced width of
 * the result when known (else the select list's length).
 */
export function carriesColumns(sql: string, columns: number | null | undefined): boolean {
  const items = selectList(sql);
  if (items?.some((item) => STAR.test(item))) return true;
  if (items && items.length > 0 && items.every((item) => AGGREGATE.test(item))) return false;
  return (columns ?? items?.length ?? 0) >= 2;
}

function keywordAt(text: string, index: number, word: string): boolean {
  return text.slice(index, index + word.length).toLowerCase() === word && !/\w/.test(text[index - 1] ?? '') && !/\w/.test(text[index + word.length] ?? '');
}

function clean(items: string[]): string[] {
  const trimmed = items.map((item) => item.trim());
  if (trimmed[0] !== undefined) trimmed[0] = trimmed[0].replace(MODIFIERS, '').replace(MODIFIERS, '').trim();
  return trimmed.filter((item) => item.length > 0);
}
