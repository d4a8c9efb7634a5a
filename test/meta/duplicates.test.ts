import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../runner/paths.js';
// A plain-JS script (scripts/ is outside the TypeScript project): its shape is given by the cast below.
import { findDuplicates } from '../../scripts/duplicates.mjs';

type Run = { lines: number; places: Array<{ file: string; from: number; to: number }> };
const duplicates = findDuplicates as (root: string, min?: number) => Run[];

describe('no code copied in checks/ (helpers live in one place each)', () => {
  it('checks/ holds no run of 10 or more code lines in two places (node scripts/duplicates.mjs checks)', () => {
    const runs = duplicates(packagePath('checks'), 10);
    expect(runs.map((run) => `${run.lines} lines: ${run.places.map((p) => `${p.file}:${p.from}-${p.to}`).join(', ')}`)).toEqual([]);
  });

  const dir = mkdtempSync(join(tmpdir(), 'mspr-duplicates-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const block = (n: number, name: string) => Array.from({ length: n }, (_, i) => `  const ${name}${i} = facts.models.filter((m) => m.rows > ${i});`).join('\n');

  it('a seeded 12-line copy in two files is found, with both places; a 9-line one is not', () => {
    writeFileSync(join(dir, 'a.ts'), `import { x } from './x.js';\n// the same helper\nexport function a() {\n${block(12, 'm')}\n}\n${block(9, 'n')}\n`);
    writeFileSync(join(dir, 'b.ts'), `export function b() {\n\n${block(12, 'm')}\n  return 1;\n}\n${block(9, 'n')}\n`);
    const runs = duplicates(dir, 10);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.lines).toBe(12);
    expect(runs[0]!.places).toEqual([
      { file: 'a.ts', from: 4, to: 15 },
      { file: 'b.ts', from: 3, to: 14 },
    ]);
  });
});
