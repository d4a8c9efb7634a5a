import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameworkCriteria } from '../../scenarios/criteria.js';
import { listLibraryScenarioFiles, loadScenario } from '../../scenarios/load-scenario.js';
import type { Scenario } from '../../scenarios/scenario.js';
import { runCli } from '../helpers/run-cli.js';

/** The framework texts (CRITERIA.md's seeds); the quotes are checked against them where this machine has them. */
const SEEDS = '/work/shared/seeds';
const SEED_FILES: Record<string, string> = {
  'cdp-data-ia': '001_53985ed595913d89.txt',
  'dev-ia-ds': '004_17401a2130fdc030.txt',
  'cdp-ia-aivancity': '003_5a92cc63e30e7181.txt',
  'cdp-ia': '000_f6fe28c81b5eeae5.txt',
  'cerf-ia': '002_a08dc471bc8cbb23.txt',
};
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The « … » quotes of a manual label, each split into its code and its words (a trailing « … » marks a cut). */
function quotes(label: string): Array<{ text: string; words: string }> {
  return [...label.matchAll(/«\s*([^»]+?)\s*»/g)].map((m) => ({ text: m[1]!, words: m[1]!.replace(/\s*…$/, '') }));
}

const scenarios: Scenario[] = [];
beforeAll(async () => {
  for (const file of listLibraryScenarioFiles()) scenarios.push((await loadScenario(file)).scenario);
});

describe('the scenario library', () => {
  it('`scenarios validate` accepts every bundled scenario (real CLI)', () => {
    const files = listLibraryScenarioFiles();
    const run = runCli(['scenarios', 'validate', ...files, '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(files.map((file) => `${file}: valid`));
  });

  it('has a scenario for each framework bloc the issue asks for', () => {
    expect(scenarios.map((s) => `${s.framework} ${s.bloc}`).sort()).toEqual(
      [
        'cdp-data-ia 1', 'cdp-data-ia 1', 'cdp-data-ia 2', 'cdp-data-ia 3', 'cdp-data-ia 3', 'cdp-data-ia 3',
        'cdp-ia épreuve 2',
        'cdp-ia-aivancity 1', 'cdp-ia-aivancity 2', 'cdp-ia-aivancity 3', 'cdp-ia-aivancity 4', 'cdp-ia-aivancity 5',
        'cerf-ia C2, C5',
        'dev-ia-ds 1', 'dev-ia-ds 2', 'dev-ia-ds 3', 'dev-ia-ds 4',
      ].sort(),
    );
  });

  it('each manual item quotes, with its code, the wording of every criterion it names', () => {
    const problems: string[] = [];
    for (const scenario of scenarios) {
      for (const [index, item] of scenario.manual.entries()) {
        const label = typeof item.label === 'string' ? item.label : item.label.fr;
        const found = quotes(label);
        for (const ref of item.criteria) {
          const [framework, code] = ref.split(':') as [string, string];
          const known = frameworkCriteria()[framework]!.find((c) => c.code === code)!;
          const quote = found.find((q) => q.text.startsWith(`${code}/`) || q.text.startsWith(`${code} `) || q.text.startsWith(`${code}.`));
          // criteria.json holds the first words of the wording: the quote must start with them.
          const start = known.label.replace(/…$/, '');
          if (!quote) problems.push(`${scenario.id} manual[${index}]: no « ${code} … » quote`);
          else if (!squash(quote.words.slice(code.length).replace(/^[\s/.–-]+/, '')).startsWith(squash(start))) problems.push(`${scenario.id} manual[${index}]: « ${code} » does not start with "${start}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!existsSync(SEEDS))('each quote is the framework text word for word', () => {
    const seeds = Object.fromEntries(Object.entries(SEED_FILES).map(([id, file]) => [id, squash(readFileSync(join(SEEDS, file), 'utf8'))]));
    const problems = scenarios.flatMap((scenario) =>
      scenario.manual.flatMap((item) => quotes(typeof item.label === 'string' ? item.label : item.label.fr).filter((q) => !seeds[scenario.framework]!.includes(squash(q.words))).map((q) => `${scenario.id}: « ${q.text.slice(0, 60)}… »`)),
    );
    expect(problems).toEqual([]);
  });

  it('lists no manual item twice in a scenario (the jury would tick the same box twice)', () => {
    for (const scenario of scenarios) {
      const sets = scenario.manual.map((item) => `${item.criteria.join('+')}|${typeof item.label === 'string' ? item.label : item.label.fr}`);
      expect(new Set(sets).size, scenario.id).toBe(sets.length);
    }
  });
});
