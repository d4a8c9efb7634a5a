/**
 * Reads the objective criteria out of CRITERIA.md (vendored as docs/criteria.md): the rows of the tables under
 * "## Objective criteria", up to the next level-2 heading ("Criteria that stay with the jury" is prose, not rows).
 * Each row is `| criterion | framework refs | what must hold | evidence |`.
 */
export interface ObjectiveCriterion {
  /** The row's first cell, e.g. "train ≥ 70 %". */
  name: string;
  /** The section it sits in, e.g. "Supervised learning". */
  section: string;
  /** The "framework refs" cell as written, e.g. "cdp-data-ia C1.9, C1.10". */
  refsText: string;
}

export function objectiveCriteria(markdown: string): ObjectiveCriterion[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^## Objective criteria\b/.test(line));
  if (start < 0) throw new Error('CRITERIA.md: no "## Objective criteria" section');
  const rows: ObjectiveCriterion[] = [];
  let section = '';
  for (const line of lines.slice(start + 1)) {
    if (/^## /.test(line)) break;
    const heading = /^### (.+)$/.exec(line);
    if (heading) section = heading[1]!.trim();
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.length < 4 || cells[0] === 'criterion' || /^-+$/.test(cells[0]!)) continue;
    rows.push({ name: cells[0]!, section, refsText: cells[1]! });
  }
  return rows;
}

/**
 * The refs a "framework refs" cell names, as `framework:code`: parts split on `;`, each `framework code, code…`
 * (a later code without a framework keeps the part's framework), `A1.3 C1–C2` expanded, remarks in parentheses
 * dropped. A part that names no code (`dev-ia-ds bloc 1 phase 1`, `(all)`) is looked up in `interpreted`, the
 * test's explicit reading of it; a part neither parsed nor interpreted is returned in `unresolved`.
 */
export function parseRefs(text: string, frameworks: readonly string[], isKnown: (ref: string) => boolean, interpreted: Readonly<Record<string, readonly string[]>>): { refs: string[]; unresolved: string[] } {
  const refs: string[] = [];
  const unresolved: string[] = [];
  for (const raw of text.split(';').map((part) => part.trim()).filter(Boolean)) {
    if (Object.hasOwn(interpreted, raw)) {
      refs.push(...interpreted[raw]!);
      continue;
    }
    const part = raw.replace(/\([^)]*\)/g, '').trim();
    const framework = frameworks.find((id) => part.startsWith(`${id} `));
    const codes = framework ? part.slice(framework.length).split(',').map((code) => code.trim()).flatMap(expandRange) : [];
    const parsed = codes.map((code) => `${framework}:${code}`);
    if (parsed.length > 0 && parsed.every(isKnown)) refs.push(...parsed);
    else unresolved.push(raw);
  }
  return { refs, unresolved };
}

/** `A1.3 C1–C2` → `A1.3 C1`, `A1.3 C2`; any other code stays as it is. */
function expandRange(code: string): string[] {
  const range = /^(.*?C)(\d+)[–-]C(\d+)$/.exec(code);
  if (!range) return [code];
  const [, prefix, from, to] = range;
  return Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => `${prefix}${Number(from) + i}`);
}
