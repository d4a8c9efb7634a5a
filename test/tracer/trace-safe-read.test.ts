import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import check from '../../checks/ml/train-test-split.js';
import { runCheckModule } from '../../checks/run-check.js';
import type { CheckEvidence } from '../../runner/evidence/check-evidence.js';
import { readStepTraces } from '../../runner/tracer/read-step-traces.js';
import { newTraceKey, sealTraceLine } from '../../runner/tracer/trace-seal.js';

const start = { type: 'tracer_start', seq: 1, ts: 1, pid: 7, tracer_version: '1.0.0', python: '3.11.2' };
const split = { type: 'split', seq: 2, ts: 2, pid: 7, site: { file: 'train.py', line: 9 }, kind: 'train_test_split', function: 'train_test_split', n_rows: 100, train_rows: 80, test_rows: 20, ratio: 0.8 };

const traceKey = newTraceKey();

/** A run's trace folder (the grader's) with one step folder (the candidate's, writable by its code), sealed lines. */
function traceRoot(): { root: string; step: string } {
  const root = mkdtempSync(join(tmpdir(), 'mspr-trace-'));
  const step = join(root, '01-pipeline');
  mkdirSync(step);
  const sealed = (event: object) => sealTraceLine(traceKey, '01-pipeline', JSON.stringify(event));
  writeFileSync(join(step, 'events-7.jsonl'), `${sealed(start)}\n${sealed(split)}\n`);
  return { root, step };
}

const verdictOn = (trace: ReturnType<typeof readStepTraces>) =>
  runCheckModule(check, { use: 'ml/train-test-split' }, { trace, steps: [], workspace: undefined as never } as unknown as CheckEvidence, 'en');

describe('trace files are read through the safe reader: no link, no FIFO, a size cap', () => {
  it('control: the tracer’s regular files are read and judged', async () => {
    const { step } = traceRoot();
    const trace = readStepTraces([{ stepId: 'pipeline', traceDir: step, traceKey }]);
    expect(trace.refused).toEqual([]);
    expect(trace.all().map((e) => e.type)).toEqual(['tracer_start', 'split']);
    expect((await verdictOn(trace)).status).toBe('pass');
  });

  it('a FIFO among the trace files is refused without blocking; trace checks say error naming it', async () => {
    const { step } = traceRoot();
    execFileSync('mkfifo', [join(step, 'events-999.jsonl')]);
    const trace = readStepTraces([{ stepId: 'pipeline', traceDir: step, traceKey }]);
    expect(trace.refused!.map((e) => [e.path, e.reason])).toEqual([['01-pipeline/events-999.jsonl', 'special']]);
    expect(trace.problems).toContain('File refused: "01-pipeline/events-999.jsonl" is a named pipe (FIFO), not a regular file; the grader does not open it.');
    const verdict = await verdictOn(trace);
    expect(verdict).toMatchObject({ status: 'error', messageKey: 'error' });
    expect(verdict.message.en).toBe(
      'Could not check: Execution trace unusable: File refused: "01-pipeline/events-999.jsonl" is a named pipe (FIFO), not a regular file; the grader does not open it. The tracer writes only regular files: the code must not create or replace anything in $MSPR_TRACE_DIR.',
    );
  });

  it('a trace file linking to a host file, and a step folder that is a link, are refused unread', () => {
    const host = mkdtempSync(join(tmpdir(), 'mspr-host-'));
    writeFileSync(join(host, 'events-1.jsonl'), `${JSON.stringify({ ...start, python: 'HOST-SECRET' })}\n`);
    const { root, step } = traceRoot();
    symlinkSync(join(host, 'events-1.jsonl'), join(step, 'events-1.jsonl'));
    symlinkSync(host, join(root, '02-evaluate'));
    const trace = readStepTraces([{ stepId: 'pipeline', traceDir: step, traceKey }, { stepId: 'evaluate', traceDir: join(root, '02-evaluate'), traceKey }]);
    expect(trace.refused!.map((e) => [e.path, e.reason])).toEqual([['01-pipeline/events-1.jsonl', 'link'], ['02-evaluate', 'link']]);
    expect(JSON.stringify(trace.all())).not.toContain('HOST-SECRET');
  });

  it('a trace file over the cap is refused by its apparent size', () => {
    const { step } = traceRoot();
    writeFileSync(join(step, 'events-8.jsonl'), '');
    execFileSync('truncate', ['-s', '3000', join(step, 'events-8.jsonl')]);
    const trace = readStepTraces([{ stepId: 'pipeline', traceDir: step, traceKey }], 1000);
    expect(trace.refused!.map((e) => [e.path, e.reason, e.facts.size])).toEqual([['01-pipeline/events-8.jsonl', 'too-large', 3000]]);
    expect(trace.all()).toHaveLength(2);
  });
});
