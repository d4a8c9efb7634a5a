import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownCheckIds, loadCheck } from '../../checks/registry.js';
import { packagePath } from '../../runner/paths.js';
import { frameworkCriteria } from '../../scenarios/criteria.js';

/**
 * The README's check table ("Scenarios and checks") names every registered check with the criteria its `meta`
 * declares, so a reader choosing checks for a scenario sees the same refs the reports will carry.
 * test/checks/meta.test.ts checks that every check has a row; this checks what the row says.
 * The criteria cell is written `framework code, code; framework code` (remarks in parentheses are ignored).
 */
const frameworks = Object.keys(frameworkCriteria());

function tableRows(readme: string): Array<{ ids: string[]; criteria: string }> {
  const start = readme.indexOf('| check | criteria | verifies |');
  const rows: Array<{ ids: string[]; criteria: string }> = [];
  for (const line of readme.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const [idsCell = '', criteria = ''] = line.split('|').slice(1, 3);
    rows.push({ ids: [...idsCell.matchAll(/`([a-z0-9-]+\/[a-z0-9-]+)`/g)].map((m) => m[1]!), criteria });
  }
  return rows;
}

function readCriteria(cell: string): string[] {
  return cell
    .replace(/\([^)]*\)/g, '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const framework = frameworks.find((id) => part.startsWith(`${id} `));
      if (!framework) return [`(unreadable: "${part}")`];
      return part.slice(framework.length).split(',').map((code) => `${framework}:${code.trim()}`);
    });
}

describe('README check table', () => {
  const rows = tableRows(readFileSync(packagePath('README.md'), 'utf8'));

  it('has one row per registered check', () => {
    expect(rows.flatMap((row) => row.ids).sort()).toEqual(knownCheckIds());
  });

  for (const id of knownCheckIds()) {
    it(`${id}: the row's criteria are the check's meta.criteria`, async () => {
      const row = rows.find((r) => r.ids.includes(id));
      expect(row, `add | \`${id}\` | criteria | what it verifies | to the README`).toBeDefined();
      const meta = (await loadCheck(id))!.meta.criteria;
      expect(readCriteria(row!.criteria).sort(), `README row of ${id}: write "${meta.join('; ')}" grouped by framework`).toEqual([...meta].sort());
    });
  }
});
