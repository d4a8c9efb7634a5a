import { expect, it } from 'vitest';
import { DATA_FIXTURES } from './fixture-table.js';

it('at least ten data fixtures, scripts and notebooks, bloc 1 and bloc 2', () => {
  expect(DATA_FIXTURES.length).toBeGreaterThanOrEqual(10);
  expect(DATA_FIXTURES.some((fx) => fx.name.includes('notebook'))).toBe(true);
  expect(DATA_FIXTURES.some((fx) => fx.runs.some((run) => run.scenario === 'cdp-data-ia-bloc2-analysis'))).toBe(true);
});
