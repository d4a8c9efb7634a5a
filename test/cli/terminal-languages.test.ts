import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { allCommands, buildProgram } from '../../runner/cli/program.js';
import { colorEnabled } from '../../runner/cli/terminal-style.js';
import { packagePath } from '../../runner/paths.js';
import { englishWordsIn, frenchWordsIn } from '../helpers/foreign-words.js';
import { fixture, runCli } from '../helpers/run-cli.js';

const FR = { LANG: 'fr_FR.UTF-8' };
const EN = { LANG: 'en_GB.UTF-8' };
const BLOC1 = 'cdp-data-ia-bloc1-etl';
const everyCommand = [[], ...allCommands(buildProgram('en')).map((c) => c.path)];
const both = (run: { stdout: string; stderr: string }) => `${run.stdout}\n${run.stderr}`;

describe('the terminal speaks one language: no English word under a French locale, no French word in English', () => {
  it('--help of every command', () => {
    for (const path of everyCommand) {
      const fr = runCli([...path, '--help'], FR);
      expect(fr.exitCode, fr.stderr).toBe(0);
      expect(englishWordsIn(both(fr)), `mspr-lab ${path.join(' ')} --help (fr)`).toEqual([]);
      const en = runCli([...path, '--help'], EN);
      expect(frenchWordsIn(both(en)), `mspr-lab ${path.join(' ')} --help (en)`).toEqual([]);
    }
  }, 240_000);

  it('a passing grade, with its progress, in French then in English', () => {
    const fr = runCli(['check', packagePath('examples/etl-sqlite'), '-s', BLOC1, '--sandbox', 'local'], FR, { progress: true });
    expect(fr.exitCode, fr.stderr).toBe(0);
    expect(fr.stdout).toMatch(/✔ réussi +steps\/succeeded +L’étape s’est terminée sans erreur\./);
    expect(fr.stdout).toMatch(/RÉUSSI — note 20\/20 — 12 réussis/);
    expect(fr.stdout).toContain('Soumission\u00a0:');
    expect(englishWordsIn(both(fr))).toEqual([]);
    const en = runCli(['check', packagePath('examples/etl-sqlite'), '-s', BLOC1, '--sandbox', 'local'], EN, { progress: true });
    expect(en.stdout).toMatch(/PASSED — score 20\/20 — 12 passed/);
    expect(frenchWordsIn(both(en))).toEqual([]);
  }, 300_000);

  it('a failing grade: statuses, evidence terms and plurals in French', () => {
    const fr = runCli(['check', fixture('real/pipeline-plante'), '-s', BLOC1, '--sandbox', 'local'], FR, { progress: true });
    expect(fr.exitCode).toBe(1);
    expect(fr.stdout).toMatch(/✘ échec +steps\/succeeded +1 étape sur 1 en échec/);
    expect(fr.stdout).toContain('· lecture de ventes.csv — attendu lu — trouvé ∅');
    expect(fr.stdout).toContain('· base de données — attendu joignable — trouvé injoignable');
    expect(fr.stdout).toMatch(/ÉCHEC — note 1\/20 — 1 réussi, 11 échecs/);
    expect(fr.stdout).not.toMatch(/\(s\)|\{"/); // no "étape(s)", no raw evidence JSON in the terminal
    expect(englishWordsIn(both(fr))).toEqual([]);
    const en = runCli(['check', fixture('real/pipeline-plante'), '-s', BLOC1, '--sandbox', 'local'], EN, { progress: true });
    expect(en.stdout).toContain('· read ventes.csv — expected read — found ∅');
    expect(frenchWordsIn(both(en))).toEqual([]);
  }, 300_000);

  it('doctor', () => {
    const fr = runCli(['doctor'], FR);
    expect(englishWordsIn(both(fr))).toEqual([]);
    const en = runCli(['doctor'], EN);
    expect(frenchWordsIn(both(en))).toEqual([]);
  }, 120_000);

  it("commander's own errors in the reader's language, with our hint after them", () => {
    const unknown = runCli(['check', '.', '-s', BLOC1, '--bogus'], FR);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('erreur\u00a0: option inconnue « --bogus »');
    expect(unknown.stderr).toContain('(ajoutez --help pour plus d’informations)');
    const missing = runCli(['plan'], FR);
    expect(missing.stderr).toContain('erreur\u00a0: argument obligatoire manquant « submission »');
    const typo = runCli(['chek'], FR);
    expect(typo.stderr).toContain('(Vouliez-vous dire « check »\u202f?)');
    const choice = runCli(['--lang', 'de', 'doctor'], EN);
    expect(choice.stderr).toContain("error: option '--lang <lang>' argument 'de' is invalid. Allowed choices are fr, en.");
    expect(choice.stderr).toContain('(add --help for more information)');
    for (const run of [unknown, missing, typo]) expect(englishWordsIn(run.stderr)).toEqual([]);
  }, 60_000);
});

describe('CLI edges', () => {
  it('no stack trace when the reader closes the pipe (checks list | head -1)', () => {
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${packagePath('dist/runner/cli.js')}" checks list | head -1`], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
    expect(piped.stdout.trim().split('\n')).toHaveLength(1);
    expect(piped.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(piped.status).toBe(0);
  }, 60_000);

  it('--json: the list or the report alone on stdout', () => {
    const checks = JSON.parse(runCli(['checks', 'list', '--json']).stdout) as Array<{ id: string; title: { fr: string } }>;
    expect(checks.find((c) => c.id === 'steps/succeeded')?.title.fr).toBe('Le pipeline s’exécute sans erreur');
    const scenarios = JSON.parse(runCli(['scenarios', 'list', '--json']).stdout) as Array<{ id: string }>;
    expect(scenarios.map((s) => s.id)).toContain(BLOC1);
    const check = runCli(['check', fixture('real/pipeline-plante'), '-s', BLOC1, '--sandbox', 'local', '--json'], FR);
    const report = JSON.parse(check.stdout) as { verdicts: Array<{ id: string; status: string }> };
    expect(report.verdicts.find((v) => v.id === 'steps/succeeded')?.status).toBe('fail');
    expect(check.stderr).toContain('ÉCHEC — note 1/20'); // the summary, for people, on stderr
  }, 300_000);

  it('checks show --lang fr prints a French page', () => {
    const page = runCli(['checks', 'show', 'db/reachable', '--lang', 'fr']).stdout;
    expect(page).toMatch(/^# db\/reachable — /);
    expect(page).toContain('**Critères :**');
    expect(page).toContain('Schéma des options :');
    expect(englishWordsIn(page.replace(/Schéma des options :[\s\S]*$/, ''))).toEqual([]);
    expect(runCli(['checks', 'show', 'db/reachable', '--lang', 'en']).stdout).toMatch(/^# db\/reachable — Database installed, reachable and listing its tables\n/);
  }, 60_000);

  it('colour: NO_COLOR wins, FORCE_COLOR turns it on off a terminal, FORCE_COLOR=0 turns it off', () => {
    const pipe = { isTTY: false } as NodeJS.WriteStream;
    const tty = { isTTY: true } as NodeJS.WriteStream;
    expect(colorEnabled(pipe, {})).toBe(false);
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  });
});
