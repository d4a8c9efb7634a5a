import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepSeal } from '../../runner/tracer/read-sealed-lines.js';
import { readTraceFile } from '../../runner/tracer/trace-index.js';
import { newTraceKey, sealTraceLine } from '../../runner/tracer/trace-seal.js';
import { traceEventProblems } from '../../runner/tracer/trace-validation.js';

const start = { type: 'tracer_start', seq: 1, ts: 1, pid: 7, tracer_version: '1.0.0', python: '3.11.2' };
const fit = { type: 'fit', seq: 2, ts: 2, pid: 7, site: { file: 'a.py', line: 3 }, method: 'fit', estimator: 'Ridge', obj: 'o1', x: { rows: 10, cols: 2, fp: 'ab' } };

describe('reading trace files: invalid events are problems, never fatal', () => {
  it('keeps valid events, reports invalid ones, a truncated last line and tracer errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mspr-trace-read-'));
    const key = newTraceKey();
    const sealed = (event: object) => sealTraceLine(key, stepSeal(key, dir).step, JSON.stringify(event));
    const lines = [
      sealed(start),
      sealed(fit),
      sealed({ ...fit, seq: 3, obj: undefined }),
      sealed({ type: 'tracer_error', seq: 4, ts: 3, pid: 7, where: 'Ridge.fit', error: 'KeyError: x' }),
      sealed({ type: 'read', seq: 5, ts: 4, pid: 7, site: { file: 'a.py', line: 1 }, rows: 3 }),
      sealed({ type: 'metric', seq: 6, ts: 5, pid: 7 }).slice(0, 30),
    ];
    writeFileSync(join(dir, 'events-7.jsonl'), lines.join('\n'));
    const { events, problems } = readTraceFile(join(dir, 'events-7.jsonl'), 'pipeline:a.py', stepSeal(key, dir));
    expect(events.map((e) => [e.type, e.seq, e.step])).toEqual([
      ['tracer_start', 1, 'pipeline:a.py'],
      ['fit', 2, 'pipeline:a.py'],
      ['tracer_error', 4, 'pipeline:a.py'],
      ['read', 5, 'pipeline:a.py'],
    ]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/events-7.jsonl:6: incomplete last line/);
    expect(problems[1]).toMatch(/events-7.jsonl:3: invalid fit event: event: missing required property "obj"/);
    expect(problems[2]).toMatch(/events-7.jsonl:4: tracer error in Ridge.fit: KeyError: x/);
  });

  it('the schema checks field types per event type', () => {
    expect(traceEventProblems(fit)).toEqual([]);
    expect(traceEventProblems({ ...fit, method: 'train' })).toEqual([expect.stringMatching(/event.method: must be one of "fit"/)]);
    expect(traceEventProblems({ ...fit, site: { line: 3 } })).toEqual([expect.stringMatching(/event.site: missing required property "file"/)]);
    expect(traceEventProblems({ type: 'metric', seq: 1, ts: 1, pid: 1, site: { file: 'a.py' }, name: 'r2_score', value: 'high' })).not.toEqual([]);
  });
});
