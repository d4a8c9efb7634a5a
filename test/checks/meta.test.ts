import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLoaders, loadCheck } from '../../checks/registry.js';
import { packagePath } from '../../runner/paths.js';

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

describe('check registry, docs and tests stay in step', () => {
  const registered = Object.keys(checkLoaders).sort();

  it('registers every check defined on disk, and nothing else', () => {
    expect(registered).toEqual(checkFilesOnDisk());
  });

  for (const id of registered) {
    it(`${id} has its doc, its table tests and a matching meta.id`, async () => {
      expect(existsSync(packagePath('checks', `${id}.md`)), `checks/${id}.md`).toBe(true);
      expect(existsSync(packagePath('test/checks', `${id}.test.ts`)), `test/checks/${id}.test.ts`).toBe(true);
      const check = await loadCheck(id);
      expect(check?.meta.id).toBe(id);
      for (const ref of check!.meta.criteria) expect(ref).toMatch(/^(cdp-data-ia|dev-ia-ds|cdp-ia-aivancity|cdp-ia|cerf-ia):.+/);
    });
  }
});
