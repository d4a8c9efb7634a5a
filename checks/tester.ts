import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckEvidence } from '../runner/evidence/check-evidence.js';
import { MsprError } from '../runner/errors.js';
import { createFrameReader } from '../runner/evidence/polars-frame-reader.js';
import { workspaceFiles } from '../runner/evidence/workspace-files.js';
import { indexTraceEvents } from '../runner/tracer/trace-index.js';
import type { CheckModule } from './check.js';
import { runCheckModule } from './run-check.js';
import { validateCheckOptions } from './validate-options.js';
import type { Evidence, Verdict, VerdictStatus } from './verdict.js';

/** One row of a check's table: the evidence it sees and the verdict it must give. */
export interface CheckCase {
  name: string;
  options?: Record<string, unknown>;
  /** Evidence the check reads; anything left out is empty (no files, no steps, no trace, no database). */
  evidence?: Partial<CheckEvidence> | (() => Partial<CheckEvidence> | Promise<Partial<CheckEvidence>>);
  expect: {
    status: VerdictStatus;
    /** Message template key, e.g. `mismatch`; `error` for a check that threw. */
    message?: string;
    /** Parameters the message must contain (checked through the rendered English text). */
    includes?: string[];
    /** Evidence items that must be present (each matched as a subset). */
    evidence?: Array<Partial<Evidence> & Record<string, unknown>>;
    score?: number;
  };
}

/**
 * Table-driven tests for a check, ESLint RuleTester style: `valid` cases must pass, `invalid` cases must
 * not, and each states the exact status and reason. Runs through the same path as the runner (options
 * validated with defaults, exceptions turned into `error`).
 */
export function testCheck(check: CheckModule<any>, cases: { valid: CheckCase[]; invalid: CheckCase[] }): void {
  describe(check.meta.id, () => {
    it('declares fr/en titles and messages, criteria and evidence kinds', () => {
      expect(check.meta.title.fr && check.meta.title.en).toBeTruthy();
      expect(check.meta.criteria.length).toBeGreaterThan(0);
      expect(check.meta.evidence.length).toBeGreaterThan(0);
      for (const [key, message] of Object.entries(check.meta.messages)) {
        expect(message.fr, `${key}.fr`).toBeTruthy();
        expect(message.en, `${key}.en`).toBeTruthy();
      }
    });
    for (const row of cases.valid) {
      it(`valid: ${row.name}`, async () => {
        expect(row.expect.status, 'a valid case must pass').toBe('pass');
        await assertCase(check, row);
      });
    }
    for (const row of cases.invalid) {
      it(`invalid: ${row.name}`, async () => {
        expect(row.expect.status, 'an invalid case must not pass').not.toBe('pass');
        await assertCase(check, row);
      });
    }
  });
}

/** Runs a check on a case and returns the verdict (exported for tests that need more than the table). */
export async function evaluateCheck(check: CheckModule<any>, row: Pick<CheckCase, 'options' | 'evidence'>): Promise<Verdict> {
  const options = structuredClone(row.options ?? {});
  const problems = validateCheckOptions(check, options, 'with');
  if (problems.length > 0) throw new MsprError('MSPR_SCENARIO_INVALID', { fr: problems.join('; '), en: problems.join('; ') });
  const provided = typeof row.evidence === 'function' ? await row.evidence() : (row.evidence ?? {});
  return runCheckModule(check, { use: check.meta.id, with: options }, { ...emptyEvidence(), ...provided }, 'en');
}

async function assertCase(check: CheckModule<any>, row: CheckCase): Promise<void> {
  const verdict = await evaluateCheck(check, row);
  const context = `${verdict.status} ${verdict.messageKey}: ${verdict.message.en}`;
  expect(verdict.status, context).toBe(row.expect.status);
  if (row.expect.message) expect(verdict.messageKey, context).toBe(row.expect.message);
  for (const text of row.expect.includes ?? []) expect(verdict.message.en, context).toContain(text);
  if (row.expect.score !== undefined) expect(verdict.score).toBeCloseTo(row.expect.score, 5);
  for (const item of row.expect.evidence ?? []) expect(verdict.evidence, context).toContainEqual(expect.objectContaining(item));
}

export function emptyEvidence(): CheckEvidence {
  const noDatabase = () => Promise.reject(new MsprError('MSPR_DB_UNREACHABLE', { fr: 'aucune base', en: 'no database' }));
  return {
    workspace: workspaceFiles(mkdtempSync(join(tmpdir(), 'mspr-case-'))),
    datasets: undefined,
    steps: [],
    trace: indexTraceEvents([]),
    frames: createFrameReader(),
    databases: { services: [], open: noDatabase },
    manifest: undefined,
    submission: { source: 'test', kind: 'directory', refused: [], fileCount: 0, totalBytes: 0 },
  };
}

