import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../runner/paths.js';

/**
 * `mspr-lab checks new` end to end, on a throwaway copy of the source tree (the scaffold edits the
 * registry and the README, which must not happen in the checkout the other tests run from): the real CLI
 * writes the four pieces, the copy compiles, the new check's table test and the meta-test fail while the
 * scaffold is unfilled, and pass once the check is written (a two-line run).
 */
const ID = 'repo/throwaway-licence';
let copy: string;

/** Runs a command in the copy; vitest without the global setup (no build needed: vitest reads the sources). */
function inCopy(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' }, timeout: 600_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
const cli = (...args: string[]) => inCopy(process.execPath, [packagePath('dist/runner/cli.js'), ...args]);
const vitest = (...files: string[]) => inCopy(process.execPath, [packagePath('node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.scaffold.config.ts', ...files]);

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'mspr-scaffold-'));
  for (const part of ['checks', 'runner', 'scenarios', 'reports', 'test/checks', 'test/helpers', 'package.json', 'tsconfig.json', 'README.md']) {
    cpSync(packagePath(part), join(copy, part), { recursive: true });
  }
  symlinkSync(packagePath('node_modules'), join(copy, 'node_modules'));
  writeFileSync(
    join(copy, 'vitest.scaffold.config.ts'),
    "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, pool: 'forks' } });\n",
  );
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('mspr-lab checks new (real CLI, on a copy of the source tree)', () => {
  it('refuses a bad id, an id taken, and a criterion the frameworks do not have', () => {
    expect(cli('checks', 'new', 'Throwaway').output).toMatch(/family\/name/);
    expect(cli('checks', 'new', 'db/rows-match-source', '--criteria', 'cdp-data-ia:C1.9').status).not.toBe(0);
    const unknown = cli('checks', 'new', ID, '--criteria', 'cdp-data-ia:C99.1', '--evidence', 'artifact');
    expect(unknown.status).not.toBe(0);
    expect(unknown.output).toContain('C99.1');
  });

  it('writes the pieces (module, English and French pages, test); they compile; the unfilled check fails its tests, the written one passes', () => {
    const made = cli('checks', 'new', ID, '--criteria', 'cdp-data-ia:C2.6', '--evidence', 'artifact');
    expect(made.status, made.output).toBe(0);
    for (const file of [`checks/${ID}.ts`, `checks/${ID}.md`, `checks/${ID}.fr.md`, `test/checks/${ID}.test.ts`]) expect(made.output).toContain(`+ ${file}`);
    expect(readFileSync(join(copy, 'checks/registry.ts'), 'utf8')).toContain(`'${ID}'`);

    const compiled = inCopy(process.execPath, [packagePath('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
    expect(compiled.status, compiled.output).toBe(0);

    const unfilled = vitest(`test/checks/${ID}.test.ts`, 'test/checks/meta.test.ts');
    expect(unfilled.status, unfilled.output).not.toBe(0);
    expect(unfilled.output).toContain("the scaffold's TODO case");
    expect(unfilled.output).toContain(`checks/${ID}.ts still has a TODO from the scaffold`);

    fillIn();
    const written = vitest(`test/checks/${ID}.test.ts`, 'test/checks/meta.test.ts');
    expect(written.status, written.output).toBe(0);
    // A hang guard only: tsc and two vitest runs over the whole copy, on a shared machine.
  }, 900_000);
});

/** What a developer writes after the scaffold: title, messages, a two-line run, the doc's text, two cases, the README row. */
function fillIn(): void {
  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(copy, file), change(readFileSync(join(copy, file), 'utf8')));
  edit(`checks/${ID}.ts`, (text) =>
    text
      .replace(/interface Options \{[^}]*\}/, 'interface Options {}')
      .replace("{ fr: 'TODO: titre en français', en: 'TODO: title in English' }", "{ fr: 'Le dépôt a une licence', en: 'The repository has a licence' }")
      .replace(/messages: \{[\s\S]*\n  \},\n\}\);\n$/, [
        'messages: {',
        "      pass: { fr: 'Licence trouvée ({found}).', en: 'Licence found ({found}).' },",
        "      fail: { fr: 'Aucun fichier {found}. Ajoutez une licence.', en: 'No {found} file. Add a licence.' },",
        '    },',
        '  },',
        '  run(ctx: CheckContext<Options>) {',
        "    const found = ctx.workspace.exists('LICENSE');",
        "    return { status: found ? 'pass' : 'fail', message: found ? 'pass' : 'fail', params: { found: 'LICENSE' }, evidence: [{ kind: 'artifact', subject: 'LICENSE', expected: true, actual: found }] };",
        '  },',
        '});',
        '',
      ].join('\n')),
  );
  edit(`checks/${ID}.md`, (text) => text.replaceAll(/TODO: ?/g, ''));
  edit(`checks/${ID}.fr.md`, (text) => text.replaceAll(/TODO: ?/g, ''));
  edit(`test/checks/${ID}.test.ts`, (text) =>
    text
      .replace("import { testCheck } from '../../../checks/tester.js';", "import { testCheck } from '../../../checks/tester.js';\nimport { workspaceFiles } from '../../../runner/evidence/workspace-files.js';\nimport { mkdtempSync, writeFileSync } from 'node:fs';\nimport { tmpdir } from 'node:os';\nimport { join } from 'node:path';\nconst repo = (files: string[]) => { const dir = mkdtempSync(join(tmpdir(), 'mspr-licence-')); for (const file of files) writeFileSync(join(dir, file), 'x'); return workspaceFiles(dir); };")
      .replace("name: 'TODO: a repository that meets the criterion',\n      evidence: {},\n      expect: { status: 'pass', message: 'pass', includes: [] },",
        "name: 'a LICENSE file',\n      evidence: () => ({ workspace: repo(['LICENSE']) }),\n      expect: { status: 'pass', message: 'pass', includes: ['Licence found (LICENSE)'], evidence: [{ subject: 'LICENSE', actual: true }] },")
      .replace("name: 'TODO: a repository that misses it',\n      evidence: {},\n      expect: { status: 'fail', message: 'fail' },",
        "name: 'no licence',\n      evidence: () => ({ workspace: repo(['README.md']) }),\n      expect: { status: 'fail', message: 'fail', includesFr: ['Aucun fichier LICENSE'], evidence: [{ subject: 'LICENSE', actual: false }] },"),
  );
  edit('README.md', (text) => text.replace(new RegExp(`(\\| \`${ID}\` \\|[^\\n]*)TODO:[^|]*\\|`), '$1presence of a LICENSE file |'));
}
