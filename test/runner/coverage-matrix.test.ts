import { describe, expect, it } from 'vitest';
import { frameworkCoverage } from '../../runner/criteria/coverage-matrix.js';
import type { Scenario } from '../../scenarios/scenario.js';

const scenario = (id: string, framework: Scenario['framework'], checks: Scenario['checks'], manual: Scenario['manual'] = []) => ({ id, framework, checks, manual }) as unknown as Scenario;
const criteria = [
  { code: 'C1', label: 'one' },
  { code: 'C2', label: 'two' },
  { code: 'C3', label: 'three' },
];

describe('coverage matrix', () => {
  it('grades a code by the checks declaring it, with the scenarios using them for it; else manual; else uncovered', () => {
    const matrix = frameworkCoverage('cerf-ia', criteria, [{ id: 'a/declares', criteria: ['cerf-ia:C1'] }, { id: 'b/plain', criteria: ['cdp-ia:A2C8'] }], [
      scenario('s-uses', 'cerf-ia', [{ use: 'a/declares' }], [{ criteria: ['cerf-ia:C2'], label: 'x' }]),
      scenario('s-overrides', 'cerf-ia', [{ use: 'a/declares', criteria: ['cerf-ia:C3'] }]),
    ]);
    expect(matrix.counts).toEqual({ total: 3, checked: 2, manual: 1, uncovered: 0 });
    expect(matrix.criteria.map((c) => [c.code, c.status, c.checks, c.manual])).toEqual([
      // s-overrides replaces the check's own refs on its use: it grades C3, not C1.
      ['C1', 'checked', [{ id: 'a/declares', scenarios: ['s-uses'] }], []],
      ['C2', 'manual', [], ['s-uses']],
      ['C3', 'checked', [{ id: 'a/declares', scenarios: ['s-overrides'] }], []],
    ]);
  });

  it('leaves out other frameworks’ scenarios and counts a code nothing names as uncovered', () => {
    const matrix = frameworkCoverage('cerf-ia', criteria, [{ id: 'a/declares', criteria: ['cerf-ia:C1'] }], [
      scenario('other', 'cdp-ia', [{ use: 'a/declares', criteria: ['cerf-ia:C2'] }], [{ criteria: ['cerf-ia:C3'], label: 'x' }]),
    ]);
    expect(matrix.criteria.map((c) => [c.code, c.status, c.checks])).toEqual([
      ['C1', 'checked', [{ id: 'a/declares', scenarios: [] }]],
      ['C2', 'uncovered', []],
      ['C3', 'uncovered', []],
    ]);
    expect(matrix.counts).toEqual({ total: 3, checked: 1, manual: 0, uncovered: 2 });
  });
});
