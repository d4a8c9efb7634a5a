import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLoaders, loadCheck } from '../../checks/registry.js';
import { packagePath } from '../../runner/paths.js';
import { criterionRefProblem } from '../../scenarios/criteria.js';
import { readmeCheckIds } from '../helpers/readme-checks.js';

/** Every file under checks/<family>/ that defines a check, as `family/name`. */
function checkFilesOnDisk(): string[] {
  const root = packagePath('checks');
  const ids: string[] = [];
  for (const family of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of readdirSync(join(root, family.name)).filter((name) => name.endsWith('.ts'))) {
      if (readFileSync(join(root, family.name, file), 'utf8').includes('export default defineCheck')) ids.push(`${family.name}/${file.slice(0, -3)}`);
    }
  }
  return ids.sort();
}

/** The scaffold (`mspr-lab checks new`) leaves `TODO:` markers in the four pieces; a finished check has none. */
const TODO = /\bTODO:/;

describe('check registry, docs and tests stay in step', () => {
  const registered = Object.keys(checkLoaders).sort();
  const readme = readmeCheckIds(readFileSync(packagePath('README.md'), 'utf8'));

  it('registers every check defined on disk, and nothing else', () => {
    expect(registered).toEqual(checkFilesOnDisk());
  });

  it('the README check table lists registered checks only', () => {
    expect([...readme].filter((id) => !registered.includes(id))).toEqual([]);
  });

  for (const id of registered) {
    it(`${id} has its doc, its table tests, a README row, a matching meta.id and criteria of the frameworks`, async () => {
      const files = [`checks/${id}.ts`, `checks/${id}.md`, `checks/${id}.fr.md`, `test/checks/${id}.test.ts`];
      for (const file of files) expect(existsSync(packagePath(file)), file).toBe(true);
      expect(readme.has(id), `README.md "Scenarios and checks" table: add a row | \`${id}\` | criteria | what it verifies |`).toBe(true);
      for (const file of files) expect(TODO.test(readFileSync(packagePath(file), 'utf8')), `${file} still has a TODO from the scaffold`).toBe(false);
      const check = await loadCheck(id);
      expect(check?.meta.id).toBe(id);
      expect(check!.meta.criteria.length, 'criteria').toBeGreaterThan(0);
      for (const ref of check!.meta.criteria) expect(criterionRefProblem(ref), ref).toBeUndefined();
    });
  }
});
