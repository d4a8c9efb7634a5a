import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../runner/cli/exit-codes.js';
import { runCli } from '../helpers/run-cli.js';

/** A YAML file that does not parse, through the real CLI: where it breaks, why, and the lines around it. */
describe('YAML errors in the terminal', () => {
  const root = mkdtempSync(join(tmpdir(), 'mspr-yaml-errors-'));
  const scenario = join(root, 'broken.yaml');
  writeFileSync(scenario, 'id: demo\ntitle: x\nframework: "cdp-data-ia\nbloc: 1\nchecks: [{ use: repo/files-present }]\n');

  it('a broken scenario: the usage/config exit code, line and column, the excerpt with its caret (French)', () => {
    const run = runCli(['scenarios', 'validate', scenario, '--lang', 'fr']);
    expect(run.exitCode).toBe(EXIT.error);
    expect(run.stderr.split('\n')).toEqual([
      `MSPR_SCENARIO_INVALID: ${scenario}, ligne 3, colonne 12 : YAML invalide — guillemet « " » jamais fermé (Missing closing "quote)`,
      '    2 | title: x',
      '    3 | framework: "cdp-data-ia',
      '      |            ^',
      '    4 | bloc: 1',
      'Que faire : Corrigez la syntaxe YAML à la ligne indiquée.',
      '',
    ]);
  });

  it('the same in English', () => {
    const run = runCli(['scenarios', 'validate', scenario, '--lang', 'en']);
    expect(run.exitCode).toBe(EXIT.error);
    expect(run.stderr).toContain(`MSPR_SCENARIO_INVALID: ${scenario}, line 3, column 12: invalid YAML — Missing closing "quote\n`);
    expect(run.stderr).toContain('    3 | framework: "cdp-data-ia\n      |            ^\n');
  });

  it('a broken mspr.yaml is ignored with a notice that shows where it breaks; the plan is discovered', () => {
    const repo = mkdtempSync(join(tmpdir(), 'mspr-yaml-repo-'));
    writeFileSync(join(repo, 'main.py'), 'print("ok")\n');
    writeFileSync(join(repo, 'mspr.yaml'), 'run:\n  - main.py\n  - "other.py\n');
    const run = runCli(['plan', repo, '--lang', 'en']);
    expect(run.exitCode).toBe(EXIT.pass);
    expect(run.stderr).toContain(
      [
        '! mspr.yaml ignored: mspr.yaml, line 3, column 5: invalid YAML — Missing closing "quote',
        '    2 |   - main.py',
        '    3 |   - "other.py',
        '      |     ^',
        '',
      ].join('\n'),
    );
  });

  it('a roster that parses but has the wrong shape: batch refuses it before anything, the line and the lines around it', () => {
    const roster = join(root, 'promo.yaml');
    writeFileSync(roster, 'teams:\n  - équipe: equipe-1\n    dépôt: depots/e1\n  - équipe: equipe-2\n    membres: 3\n    dépôt: depots/e2\n');
    const out = join(root, 'out-roster');
    const run = runCli(['batch', roster, '-s', 'cdp-data-ia-bloc1-etl', '-o', out, '--lang', 'fr']);
    expect(run.exitCode).toBe(EXIT.error);
    expect(run.stderr.split('\n')).toEqual([
      `MSPR_ROSTER_INVALID: Liste des équipes invalide — ${roster}, ligne 5 : « membres » : une liste de noms ou des noms séparés par des virgules sont attendus, pas un nombre`,
      '    4 |   - équipe: equipe-2',
      '    5 |     membres: 3',
      '      |              ^',
      '    6 |     dépôt: depots/e2',
      'Que faire : Une ligne par équipe : team (ou équipe), source (URL git ou dossier), et au besoin ref, deadline, members (séparés par des virgules), manifest. Ou un dossier, un sous-dossier par équipe.',
      '',
    ]);
    expect(existsSync(out)).toBe(false);
    const english = runCli(['batch', roster, '-s', 'cdp-data-ia-bloc1-etl', '-o', out, '--lang', 'en']);
    expect(english.exitCode).toBe(EXIT.error);
    expect(english.stderr).toContain(`MSPR_ROSTER_INVALID: Invalid roster — ${roster}, line 5: "membres": a list of names or comma-separated names is expected, not a number\n    4 |`);
  });
});
