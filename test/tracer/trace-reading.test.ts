import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTraceFile } from '../../runner/tracer/trace-index.js';
import { traceEventProblems } from '../../runner/tracer/trace-validation.js';

const start = { type: 'tracer_start', seq: 1, ts: 1, pid: 7, tracer_version: '1.0.0', python: '3.11.2' };
const fit = { type: 'fit', seq: 2, ts: 2, pid: 7, site: { file: 'a.py', line: 3 }, method: 'fit', estimator: 'Ridge', obj: 'o1', x: { rows: 10, cols: 2, fp: 'ab' } };

describe('reading trace files: invalid events are problems, never fatal', () => {
  it('keeps valid events, reports invalid ones, a truncated last line and tracer errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mspr-trace-read-'));
    const lines = [
      JSON.stringify(start),
      JSON.stringify(fit),
      JSON.stringify({ ...fit, seq: 3, obj: undefined }),
      JSON.stringify({ type: 'tracer_error', seq: 4, ts: 3, pid: 7, where: 'Ridge.fit', error: 'KeyError: x' }),
      JSON.stringify({ type: 'read', seq: 5, ts: 4, pid: 7, site: { file: 'a.py', line: 1 }, rows: 3 }),
      '{"type": "metric", "seq": 6, "ts"',
    ];
    writeFileSync(join(dir, 'events-7.jsonl'), lines.join('\n'));
    const { events, problems } = readTraceFile(join(dir, 'events-7.jsonl'), 'pipeline:a.py');
    expect(events.map((e) => [e.type, e.seq, e.step])).toEqual([
      ['tracer_start', 1, 'pipeline:a.py'],
      ['fit', 2, 'pipeline:a.py'],
      ['tracer_error', 4, 'pipeline:a.py'],
      ['read', 5, 'pipeline:a.py'],
    ]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/events-7.jsonl:3: invalid fit event: event: missing required property "obj"/);
    expect(problems[1]).toMatch(/events-7.jsonl:4: tracer error in Ridge.fit: KeyError: x/);
    expect(problems[2]).toMatch(/events-7.jsonl:6: /);
  });

  it('the schema checks field types per event type', () => {
    expect(traceEventProblems(fit)).toEqual([]);
    expect(traceEventProblems({ ...fit, method: 'train' })).toEqual([expect.stringMatching(/event.method: must be one of "fit"/)]);
    expect(traceEventProblems({ ...fit, site: { line: 3 } })).toEqual([expect.stringMatching(/event.site: missing required property "file"/)]);
    expect(traceEventProblems({ type: 'metric', seq: 1, ts: 1, pid: 1, site: { file: 'a.py' }, name: 'r2_score', value: 'high' })).not.toEqual([]);
  });
});
