import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckEvidence } from '../runner/evidence/check-evidence.js';
import { MsprError } from '../runner/errors.js';
import { createFrameReader } from '../runner/evidence/polars-frame-reader.js';
import { workspaceFiles } from '../runner/evidence/workspace-files.js';
import { indexTraceEvents } from '../runner/tracer/trace-index.js';
import { packagePath } from '../runner/paths.js';
import type { CheckModule, CheckOutcome } from './check.js';
import { runCheckModule } from './run-check.js';
import { docPageProblems } from './tester/doc-page.js';
import { outcomeProblems, templateProblems } from './tester/message-rules.js';
import { passProblems, tableProblems } from './tester/table-rules.js';
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
    /** Text the rendered English message must contain. */
    includes?: string[];
    /** Text the rendered French message must contain. */
    includesFr?: string[];
    /** Evidence items that must be present (each matched as a subset). */
    evidence?: Array<Partial<Evidence> & Record<string, unknown>>;
    score?: number;
  };
}

/** Where a check's doc page is: `checks/<id>.md` unless a test says otherwise (`false`: no page to read); its French page is `<page>.fr.md`. */
export interface TesterOptions {
  doc?: string | false;
}

/**
 * Table-driven tests for a check, ESLint RuleTester style and as strict: `valid` cases must pass, `invalid`
 * cases must not, and each states the exact status and reason. Runs through the same path as the runner
 * (options validated with defaults, exceptions turned into `error`). Every case also renders its message in
 * both languages and fails on an unknown key, a placeholder left unfilled, a parameter the template never
 * uses, or a parameter holding words (they belong in the templates); the doc page must list exactly the
 * check's message keys as its verdicts; a case still named `TODO…` (the scaffold's) is refused. The table
 * itself must hold a case that passes and one that fails (or warns), every case must name its message key,
 * at least one of each kind must state the evidence it expects, and a pass must show what it compared
 * (tester/table-rules.ts).
 */
export function testCheck(check: CheckModule<any>, cases: { valid: CheckCase[]; invalid: CheckCase[] }, options: TesterOptions = {}): void {
  describe(check.meta.id, () => {
    it('declares fr/en titles and messages, criteria and evidence kinds', () => {
      expect(check.meta.title.fr && check.meta.title.en).toBeTruthy();
      expect(check.meta.criteria.length).toBeGreaterThan(0);
      expect(check.meta.evidence.length).toBeGreaterThan(0);
      assertNone(templateProblems(check.meta.messages), 'message templates');
    });
    it('has must-pass and must-fail cases, each naming its exact verdict, some with their evidence', () => {
      assertNone(tableProblems(cases), 'the table');
    });
    const doc = options.doc ?? packagePath('checks', `${check.meta.id}.md`);
    if (doc !== false) {
      it('its doc page lists exactly its message keys as verdicts', () => {
        expect(existsSync(doc), doc).toBe(true);
        assertNone(docPageProblems(readFileSync(doc, 'utf8'), Object.keys(check.meta.messages)), doc);
      });
      // The French page (`checks show --lang fr`) beside it says the same verdicts.
      const frenchDoc = doc.replace(/\.md$/, '.fr.md');
      if (options.doc === undefined || existsSync(frenchDoc)) {
        it('its French page lists exactly its message keys as verdicts', () => {
          expect(existsSync(frenchDoc), frenchDoc).toBe(true);
          assertNone(docPageProblems(readFileSync(frenchDoc, 'utf8'), Object.keys(check.meta.messages)), frenchDoc);
        });
      }
    }
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
  return (await evaluateWithOutcome(check, row)).verdict;
}

/** The verdict, and the outcome `run` returned before it was rendered (undefined when `run` threw). */
async function evaluateWithOutcome(check: CheckModule<any>, row: Pick<CheckCase, 'options' | 'evidence'>): Promise<{ verdict: Verdict; outcome?: CheckOutcome }> {
  const options = structuredClone(row.options ?? {});
  const problems = validateCheckOptions(check, options, 'with');
  if (problems.length > 0) throw new MsprError('MSPR_SCENARIO_INVALID', { fr: problems.join('; '), en: problems.join('; ') });
  const provided = typeof row.evidence === 'function' ? await row.evidence() : (row.evidence ?? {});
  let outcome: CheckOutcome | undefined;
  const watched: CheckModule<any> = { meta: check.meta, run: async (ctx) => (outcome = await check.run(ctx)) };
  const verdict = await runCheckModule(watched, { use: check.meta.id, with: options }, { ...emptyEvidence(), ...provided }, 'en');
  return { verdict, outcome };
}

async function assertCase(check: CheckModule<any>, row: CheckCase): Promise<void> {
  expect(row.name, 'the scaffold\'s TODO case: replace it with a real case (its evidence and the exact verdict)').not.toMatch(/^TODO\b/);
  const { verdict, outcome } = await evaluateWithOutcome(check, row);
  const context = `${verdict.status} ${verdict.messageKey}: ${verdict.message.en}`;
  expect(verdict.status, context).toBe(row.expect.status);
  if (row.expect.message) {
    expect(Object.keys(check.meta.messages).concat('error'), `expect.message "${row.expect.message}" is not a message key`).toContain(row.expect.message);
    expect(verdict.messageKey, context).toBe(row.expect.message);
  }
  if (outcome) {
    assertNone([...outcomeProblems(check.meta, outcome), ...passProblems(verdict)], `${context}\n${verdict.message.fr}`);
    for (const lang of ['fr', 'en'] as const) expect(verdict.message[lang].trim(), `${lang} message`).not.toBe('');
  }
  for (const text of row.expect.includes ?? []) expect(verdict.message.en, context).toContain(text);
  for (const text of row.expect.includesFr ?? []) expect(verdict.message.fr, verdict.message.fr).toContain(text);
  if (row.expect.score !== undefined) expect(verdict.score).toBeCloseTo(row.expect.score, 5);
  for (const item of row.expect.evidence ?? []) expect(verdict.evidence, context).toContainEqual(expect.objectContaining(item));
}

/** Fails with every problem written out in full (an assertion diff would cut long messages short). */
function assertNone(problems: string[], what: string): void {
  if (problems.length > 0) throw new Error(`${what}:\n- ${problems.join('\n- ')}`);
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

