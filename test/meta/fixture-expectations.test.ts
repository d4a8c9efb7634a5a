import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FixtureExpectations, fixturesIn, readExpectations } from '../helpers/fixture-expectations.js';
import { fixtureProblems, SUITES } from '../helpers/fixture-problems.js';
import { fixture } from '../helpers/run-cli.js';

/** Folders of test/fixtures holding at least one fixture with an expected.json. */
const groups = readdirSync(fixture(), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((group) => fixturesIn(group).length > 0 || Object.hasOwn(SUITES, group));

describe('each fixture names its scenario in expected.json, and only there', () => {
  it('every fixture repository of a graded folder has an expected.json', () => {
    const without = Object.keys(SUITES).flatMap((group) =>
      existsSync(fixture(group))
        ? readdirSync(fixture(group), { withFileTypes: true })
            .filter((entry) => entry.isDirectory() && !existsSync(join(fixture(group), entry.name, 'expected.json')))
            .map((entry) => `${group}/${entry.name}`)
        : [],
    );
    expect(without).toEqual([]);
  });

  for (const group of groups) {
    for (const fx of fixturesIn(group)) {
      it(`${fx.name}: its scenarios exist, grade exactly its verdict table, hand out data it reads, and its suite runs them`, async () => {
        expect(await fixtureProblems(fx)).toEqual([]);
      });
    }
  }
});

describe('seeded mistakes in an expected.json are caught', () => {
  /** A copy of a real fixture (the classification one) whose expected.json is then rewritten by each case. */
  function seeded(group: string, rewrite: (expected: FixtureExpectations) => unknown): FixtureExpectations {
    const dir = mkdtempSync(join(tmpdir(), 'mspr-seeded-fixture-'));
    const source = group === 'data' ? 'data/etl-complete' : 'ml/clf-missing-tree';
    cpSync(fixture(source), dir, { recursive: true });
    writeFileSync(join(dir, 'expected.json'), JSON.stringify(rewrite(readExpectations(source))));
    return readExpectations(`${group}/seeded`, dir);
  }
  const cleanup = (fx: FixtureExpectations) => rmSync(fx.dir, { recursive: true, force: true });

  it('a classification fixture naming the regression scenario (same checks, other data)', async () => {
    const fx = seeded('ml', (e) => ({ ...e.runs[0], scenario: 'cdp-data-ia-bloc3-regression' }));
    const problems = await fixtureProblems(fx);
    cleanup(fx);
    expect(problems).toEqual(['ml/seeded runs[0]: scenario "cdp-data-ia-bloc3-regression" hands out logements.csv, none of which the fixture mentions: is it the fixture\'s scenario?']);
  });

  it('an ML fixture naming a data scenario (other checks)', async () => {
    const fx = seeded('ml', (e) => ({ ...e.runs[0], scenario: 'cdp-data-ia-bloc1-etl' }));
    const problems = await fixtureProblems(fx);
    cleanup(fx);
    expect(problems[0]).toMatch(/^ml\/seeded runs\[0\]: the verdicts list .*ml\/train-ratio.*, but scenario "cdp-data-ia-bloc1-etl" grades .*db\/rows-match-source.*: is it the fixture's scenario\?$/);
  });

  it('a scenario that does not exist', async () => {
    const fx = seeded('ml', (e) => ({ ...e.runs[0], scenario: 'cdp-data-ia-bloc3-regresion' }));
    const problems = await fixtureProblems(fx);
    cleanup(fx);
    expect(problems).toEqual(['ml/seeded runs[0]: scenario "cdp-data-ia-bloc3-regresion" does not exist']);
  });

  it('a data fixture run on no database: its suites would never grade it', async () => {
    const fx = seeded('data', (e) => ({ runs: e.runs.map(({ databases: _none, ...run }) => run) }));
    const problems = await fixtureProblems(fx);
    cleanup(fx);
    expect(problems).toContain('data/seeded runs[0]: no "databases": the data suites would never grade this run');
  });

  it('the unchanged copy has no problem (the cases above fail for their mistake alone)', async () => {
    const fx = seeded('ml', (e) => e.runs[0]);
    const problems = await fixtureProblems(fx);
    cleanup(fx);
    expect(problems).toEqual([]);
  });
});
