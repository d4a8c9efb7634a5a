import { type Document, isMap, isScalar, type LineCounter } from 'yaml';

/**
 * The 1-based line of the value a JSON-schema error points at (`/checks/2/id`), so a user fixing a file that
 * parses but has the wrong shape goes straight to the line. Undefined when the path is not in the document
 * (a missing required key is reported at its parent, which is).
 */
export function lineOfPath(doc: Document, lineCounter: LineCounter, instancePath: string): number | undefined {
  return positionOfPath(doc, lineCounter, instancePath)?.line;
}

/**
 * The 1-based line and column where the value at `instancePath` starts: where an excerpt puts its caret.
 * `of: 'key'`: where its key starts instead (an unknown key is about the key, not what follows it).
 */
export function positionOfPath(doc: Document, lineCounter: LineCounter, instancePath: string, of: 'value' | 'key' = 'value'): { line: number; column: number } | undefined {
  const keys = instancePath
    .split('/')
    .slice(1)
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key.replace(/~1/g, '/').replace(/~0/g, '~')));
  const at = (path: (string | number)[]) => (path.length === 0 ? doc.contents : doc.getIn(path, true));
  const parent = of === 'key' && keys.length > 0 ? at(keys.slice(0, -1)) : undefined;
  const keyNode = isMap(parent) ? parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(keys.at(-1)))?.key : undefined;
  const node = (keyNode ?? at(keys)) as { range?: [number, number, number] } | null | undefined;
  if (!node?.range) return undefined;
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { line, column: col };
}
