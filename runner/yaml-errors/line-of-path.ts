import type { Document, LineCounter } from 'yaml';

/**
 * The 1-based line of the value a JSON-schema error points at (`/checks/2/id`), so a user fixing a file that
 * parses but has the wrong shape goes straight to the line. Undefined when the path is not in the document
 * (a missing required key is reported at its parent, which is).
 */
export function lineOfPath(doc: Document, lineCounter: LineCounter, instancePath: string): number | undefined {
  const keys = instancePath
    .split('/')
    .slice(1)
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key.replace(/~1/g, '/').replace(/~0/g, '~')));
  const node = (keys.length === 0 ? doc.contents : doc.getIn(keys, true)) as { range?: [number, number, number] } | null | undefined;
  return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
}
