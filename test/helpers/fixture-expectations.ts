import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { RunReport } from '../../reports/report.js';
import type { ServiceKind } from '../../scenarios/scenario.js';
import { fixture } from './run-cli.js';

/**
 * One run a fixture must give: the scenario it is graded with (a library id, or a file path relative to the
 * fixture's folder), every verdict's status, and some message keys, texts and evidence items.
 */
export interface ExpectedRun {
  scenario: string;
  /** Database kinds the data suites grade it on (data fixtures); absent elsewhere. */
  databases?: ServiceKind[];
  exitCode: number;
  verdicts: Record<string, string>;
  messages?: Record<string, string>;
  /** Text each check's English message must contain (counts, columns, file:line). */
  includes?: Record<string, string[]>;
  evidence?: Record<string, Array<Record<string, unknown>>>;
  /** What differs on one database (PostgreSQL refuses what MariaDB truncates…). */
  byDatabase?: Partial<Record<ServiceKind, ExpectedOverride>>;
}

export type ExpectedOverride = Partial<Pick<ExpectedRun, 'exitCode' | 'verdicts' | 'messages' | 'includes' | 'evidence'>>;

/** A fixture repository and what its `expected.json` says — the one place that names its scenario. */
export interface FixtureExpectations {
  /** Relative to test/fixtures, e.g. `ml/reg-split-70-30`. */
  name: string;
  dir: string;
  about: string;
  runs: ExpectedRun[];
}

/**
 * Reads a fixture's expected.json. Two shapes: one run (`{ scenario, exitCode, verdicts, … }`, the ML
 * fixtures) or several (`{ runs: [ … ] }`, one per scenario or database set).
 */
export function readExpectations(name: string, dir: string = fixture(name)): FixtureExpectations {
  const json = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Partial<ExpectedRun> & { about?: string; runs?: ExpectedRun[] };
  const { about = '', runs, $comment: _comment, ...single } = json as typeof json & { $comment?: string };
  return { name, dir, about, runs: runs ?? [single as ExpectedRun] };
}

/** The fixtures of one folder of test/fixtures (`ml`, `data`, `foundation`, …) that have an expected.json. */
export function fixturesIn(group: string): FixtureExpectations[] {
  const root = fixture(group);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'expected.json')))
    .map((entry) => readExpectations(`${group}/${entry.name}`))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** What to pass to `--scenario`: a library id as it is, a file resolved from the fixture's folder. */
export function scenarioArgument(fx: FixtureExpectations, run: ExpectedRun): string {
  return isScenarioFile(run.scenario) ? resolve(fx.dir, run.scenario) : run.scenario;
}

export function isScenarioFile(scenario: string): boolean {
  return isAbsolute(scenario) || scenario.includes('/') || /\.(ya?ml|json)$/.test(scenario);
}

/** A run with one database's differences applied. */
export function runOn(run: ExpectedRun, kind: ServiceKind | undefined): Required<ExpectedOverride> {
  const override = kind ? run.byDatabase?.[kind] : undefined;
  return {
    exitCode: override?.exitCode ?? run.exitCode,
    verdicts: { ...run.verdicts, ...(override?.verdicts ?? {}) },
    messages: { ...(run.messages ?? {}), ...(override?.messages ?? {}) },
    includes: { ...(run.includes ?? {}), ...(override?.includes ?? {}) },
    evidence: { ...(run.evidence ?? {}), ...(override?.evidence ?? {}) },
  };
}

/** Asserts a report gives exactly what a run expects: statuses, exit code, message keys, texts, evidence. */
export function expectReport(report: RunReport, exitCode: number, wanted: Required<ExpectedOverride>): void {
  const details = report.verdicts.map((v) => `${v.id}: ${v.status} ${v.messageKey} — ${v.message.en}`).join('\n');
  expect(Object.fromEntries(report.verdicts.map((v) => [v.id, v.status])), details).toEqual(wanted.verdicts);
  expect(exitCode, details).toBe(wanted.exitCode);
  expect(report.trace.problems, 'trace problems').toEqual([]);
  for (const [id, key] of Object.entries(wanted.messages)) expect(report.verdicts.find((v) => v.id === id)?.messageKey, `${id} message`).toBe(key);
  for (const [id, texts] of Object.entries(wanted.includes)) for (const text of texts) expect(report.verdicts.find((v) => v.id === id)?.message.en, `${id} message`).toContain(text);
  for (const [id, items] of Object.entries(wanted.evidence)) {
    const verdict = report.verdicts.find((v) => v.id === id)!;
    for (const item of items) expect(verdict.evidence, `${id} evidence\n${JSON.stringify(verdict.evidence, null, 1)}`).toContainEqual(expect.objectContaining(item));
  }
}

/** The `--scenario` argument of a fixture's first run (its own scenario, as its expected.json names it). */
export function scenarioOf(name: string): string {
  const fx = readExpectations(name);
  return scenarioArgument(fx, fx.runs[0]!);
}
