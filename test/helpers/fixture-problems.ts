import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MsprError } from '../../runner/errors.js';
import { loadScenario } from '../../scenarios/load-scenario.js';
import type { LoadedScenario } from '../../scenarios/scenario.js';
import { type FixtureExpectations, scenarioArgument } from './fixture-expectations.js';

/**
 * What each folder's suite does with a fixture's runs, so a run no suite would grade is caught: the data
 * suites grade a run on each database it lists; the ML and parity suites grade every run on the local (and
 * docker) sandbox, without a database switch.
 */
export const SUITES: Record<string, { needsDatabases: boolean }> = {
  data: { needsDatabases: true },
  ml: { needsDatabases: false },
  foundation: { needsDatabases: false },
  real: { needsDatabases: false },
  serve: { needsDatabases: false },
  owntests: { needsDatabases: false },
};

/**
 * Why a fixture's expected.json cannot be trusted: a scenario that does not exist or does not load, a
 * verdict table that is not that scenario's checks (another scenario was named), a scenario none of whose
 * datasets the fixture mentions (the regression scenario named for a classification fixture), a run its
 * folder's suite would not grade.
 */
export async function fixtureProblems(fx: FixtureExpectations): Promise<string[]> {
  const problems: string[] = [];
  const group = fx.name.split('/')[0]!;
  const suite = SUITES[group];
  if (!suite) problems.push(`${fx.name}: no suite grades the fixtures of test/fixtures/${group}/ (SUITES in test/helpers/fixture-problems.ts)`);
  if (fx.runs.length === 0) problems.push(`${fx.name}: expected.json has no run`);
  const text = fixtureText(fx.dir);
  for (const [index, run] of fx.runs.entries()) {
    const at = `${fx.name} runs[${index}]`;
    if (typeof run.scenario !== 'string' || run.scenario === '') {
      problems.push(`${at}: names no scenario ("scenario": a library id or a file relative to the fixture)`);
      continue;
    }
    let loaded: LoadedScenario;
    try {
      loaded = await loadScenario(scenarioArgument(fx, run));
    } catch (error) {
      problems.push(`${at}: scenario "${run.scenario}" ${error instanceof MsprError && error.code === 'MSPR_SCENARIO_NOT_FOUND' ? 'does not exist' : `does not load (${(error as Error).message})`}`);
      continue;
    }
    const checks = loaded.scenario.checks.map((use) => use.id ?? use.use).sort();
    const listed = Object.keys(run.verdicts ?? {}).sort();
    if (JSON.stringify(checks) !== JSON.stringify(listed)) {
      problems.push(`${at}: the verdicts list ${listed.join(', ') || 'nothing'}, but scenario "${run.scenario}" grades ${checks.join(', ')}: is it the fixture's scenario?`);
    }
    const datasets = loaded.scenario.datasets.map((dataset) => basename(dataset.path));
    if (datasets.length > 0 && !datasets.some((name) => text.includes(name))) {
      problems.push(`${at}: scenario "${run.scenario}" hands out ${datasets.join(', ')}, none of which the fixture mentions: is it the fixture's scenario?`);
    }
    if (suite?.needsDatabases && !run.databases?.length) problems.push(`${at}: no "databases": the data suites would never grade this run`);
  }
  return problems;
}

/** The fixture's text files (code, notebooks, mspr.yaml, README), where a scenario's dataset names must appear. */
function fixtureText(dir: string): string {
  const parts: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name !== 'expected.json' && statSync(path).size < 2_000_000 && /\.(py|ipynb|ya?ml|md|txt|cfg|toml|sh|env)$|^Makefile$/.test(entry.name)) parts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return parts.join('\n');
}
