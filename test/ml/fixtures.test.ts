import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';

/** What a fixture must get, from its expected.json. */
interface Expected {
  scenario: string;
  exitCode: number;
  about: string;
  verdicts: Record<string, string>;
  messages?: Record<string, string>;
  evidence?: Record<string, Array<Record<string, unknown>>>;
}

const names = readdirSync(fixture('ml'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('ML fixtures: mspr-lab check gives exactly the expected verdicts (real CLI, real Python)', () => {
  it('has at least ten fixtures, scripts and notebooks', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of names) {
    const expected = JSON.parse(readFileSync(fixture('ml', name, 'expected.json'), 'utf8')) as Expected;
    it(`${name}: ${expected.about}`, () => {
      const run = runCli(['check', fixture('ml', name), '--scenario', expected.scenario, '--sandbox', 'local', '--format', 'json']);
      expect(run.report, run.stderr).toBeDefined();
      const report = run.report!;
      const statuses = Object.fromEntries(report.verdicts.map((v) => [v.id, v.status]));
      const details = report.verdicts.map((v) => `${v.id}: ${v.status} ${v.messageKey} — ${v.message.en}`).join('\n');
      expect(statuses, details).toEqual(expected.verdicts);
      expect(run.exitCode, details).toBe(expected.exitCode);
      expect(report.trace.problems, 'trace problems').toEqual([]);
      for (const [id, key] of Object.entries(expected.messages ?? {})) {
        expect(report.verdicts.find((v) => v.id === id)?.messageKey, `${id} message`).toBe(key);
      }
      for (const [id, items] of Object.entries(expected.evidence ?? {})) {
        const verdict = report.verdicts.find((v) => v.id === id)!;
        for (const item of items) expect(verdict.evidence, `${id} evidence\n${JSON.stringify(verdict.evidence, null, 1)}`).toContainEqual(expect.objectContaining(item));
      }
    });
  }
});
