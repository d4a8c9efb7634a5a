import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepSeal } from '../../runner/tracer/read-sealed-lines.js';
import { readStepTraces } from '../../runner/tracer/read-step-traces.js';
import { readTraceFile } from '../../runner/tracer/trace-index.js';
import { newTraceKey, sealTraceLine } from '../../runner/tracer/trace-seal.js';
import { runPython } from './support/run-traced.js';

function workspaceWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mspr-seals-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

const FIT = `import numpy as np
from sklearn.linear_model import Ridge

X = np.arange(40.0).reshape(20, 2)
y = X[:, 0] * 2.0
model = Ridge(alpha=1.0).fit(X, y)
print(round(float(model.predict(X[:1])[0]), 3))
`;

/** The step's files as the runner would read them, with the given key. */
function reread(traceDir: string, key: Buffer) {
  return readStepTraces([{ stepId: 'pipeline:main.py', traceDir, traceKey: key }]);
}

describe('sealed trace lines: the grader counts only what this step’s tracer wrote', () => {
  it('every line a real tracer writes is sealed, and the key is out of the candidate’s sight', () => {
    const root = workspaceWith({
      'main.py': `${FIT}import os
print("environ:", "MSPR_TRACE_KEY" in os.environ)
print("proc:", b"MSPR_TRACE_KEY" in open("/proc/self/environ", "rb").read())
`,
    });
    const run = runPython(root, ['python', 'main.py'], { traced: true });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toBe('0.007\nenviron: False\nproc: False\n');
    expect(run.problems).toEqual([]);
    expect(run.events.map((e) => e.type)).toEqual(['tracer_start', 'fit', 'target', 'predict']);
    expect(readFileSync(join(run.traceDir, run.traceFiles[0]!), 'utf8')).toMatch(/,"mac":"[0-9a-f]{64}"\}\n$/);
  });

  it('children get the key back when they trace: subprocess with a rebuilt env, spawn, loky; not `python -I`', () => {
    const root = workspaceWith({
      'main.py': `import multiprocessing as mp
import os
import subprocess
import sys

from joblib import Parallel, delayed

CHILD = "import os; print('child sees key:', 'MSPR_TRACE_KEY' in os.environ)"


def square(value):
    return value * value


if __name__ == "__main__":
    rebuilt = {name: value for name, value in os.environ.items() if name in ("PATH", "PYTHONPATH") or name.startswith("MSPR_")}
    subprocess.run([sys.executable, "-c", CHILD], env=rebuilt, check=True)
    subprocess.run([sys.executable, "-I", "-c", CHILD], check=True)
    os.system(sys.executable + ' -c "' + CHILD + '"')
    with mp.get_context("spawn").Pool(1) as pool:
        print(pool.map(square, [2]))
    print(Parallel(n_jobs=2)(delayed(square)(i) for i in range(3)))
`,
    });
    const run = runPython(root, ['python', 'main.py'], { traced: true });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toBe('child sees key: False\nchild sees key: False\nchild sees key: False\n[4]\n[0, 1, 4]\n');
    expect(run.problems).toEqual([]);
    // main, the rebuilt-env child, the os.system child, spawn's worker, two loky workers (at least one started).
    const starts = run.events.filter((e) => e.type === 'tracer_start');
    expect(starts.length).toBeGreaterThanOrEqual(5);
    expect(run.traceFiles.length).toBe(starts.length);
  });

  it('a line edited, copied from another step or run, repeated or deleted is reported; the others still count', () => {
    const root = workspaceWith({ 'main.py': FIT });
    const first = runPython(root, ['python', 'main.py'], { traced: true });
    const second = runPython(root, ['python', 'main.py'], { traced: true });
    const [file] = first.traceFiles;
    const path = join(first.traceDir, file!);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    const other = readFileSync(join(second.traceDir, second.traceFiles[0]!), 'utf8').trimEnd().split('\n');
    const key = first.traceKey;
    expect(reread(first.traceDir, key).problems).toEqual([]);

    // The fit's rows changed from 20 to 2000: the MAC no longer matches.
    const edited = lines.map((line) => (line.includes('"type": "fit"') ? line.replace('"rows": 20', '"rows": 2000') : line));
    expect(edited).not.toEqual(lines);
    writeFileSync(path, `${edited.join('\n')}\n`);
    let trace = reread(first.traceDir, key);
    expect(trace.ofType('fit')).toEqual([]);
    expect(trace.ofType('predict')).toHaveLength(1);
    expect(trace.rejectedLines).toBe(1);
    expect(trace.tampering).toEqual([expect.stringMatching(/events-\d+\.jsonl:2: rejected: MAC does not match/)]);
    expect(trace.problems).toEqual(trace.tampering);

    // The other run's fit line moved into this step: another key, rejected.
    expect(other[1]).toContain('"type": "fit"');
    writeFileSync(path, `${[lines[0], other[1], ...lines.slice(2)].join('\n')}\n`);
    trace = reread(first.traceDir, key);
    expect(trace.ofType('fit')).toEqual([]);
    expect(trace.tampering).toEqual([expect.stringMatching(/:2: rejected: MAC does not match: edited, or copied from another run or step/)]);

    // The same line under the same key but another step's folder name: rejected too.
    const elsewhere = mkdtempSync(join(tmpdir(), 'mspr-trace-other-step-'));
    writeFileSync(join(elsewhere, file!), `${lines.join('\n')}\n`);
    expect(reread(elsewhere, key).all()).toEqual([]);
    expect(reread(elsewhere, key).rejectedLines).toBe(lines.length);

    // A line repeated (to double a metric) counts once; a line deleted leaves a gap.
    writeFileSync(path, `${[lines[0], lines[1], lines[1], ...lines.slice(2)].join('\n')}\n`);
    trace = reread(first.traceDir, key);
    expect(trace.ofType('fit')).toHaveLength(1);
    expect(trace.tampering).toEqual([expect.stringMatching(/:3: rejected: a copy of a line already read in this step/)]);
    writeFileSync(path, `${[lines[0], lines[1], lines[3]].join('\n')}\n`);
    trace = reread(first.traceDir, key);
    expect(trace.ofType('predict')).toHaveLength(1);
    expect(trace.tampering).toEqual([expect.stringMatching(/:3: seq 3 missing: lines deleted/)]);
    // Reordered lines still count (events are ordered by their own time), but the file's shape is reported.
    writeFileSync(path, `${[lines[0], lines[2], lines[1], lines[3]].join('\n')}\n`);
    trace = reread(first.traceDir, key);
    expect(trace.all()).toHaveLength(4);
    expect(trace.tampering).toEqual([expect.stringMatching(/:2: seq 2 missing/), expect.stringMatching(/:3: seq 2 after seq 3: lines out of order/)]);
  });

  it('a Python process that never ran the tracer cannot seal what it writes', () => {
    const forge = `import json, os, subprocess, sys
line = {"type": "fit", "seq": 2, "ts": 1.0, "pid": os.getpid(), "site": {"file": "main.py", "line": 3}, "method": "fit", "estimator": "Ridge", "obj": "o1", "x": {"rows": 80, "cols": 2, "fp": "ab"}}
with open(os.path.join(os.environ["MSPR_TRACE_DIR"], "events-%d.jsonl" % os.getpid()), "a") as out:
    out.write(json.dumps(line) + "\\n")
print("key:", os.environ.get("MSPR_TRACE_KEY"))
`;
    const root = workspaceWith({
      'forge.py': forge,
      'main.py': 'import subprocess, sys\nsubprocess.run([sys.executable, "-I", "forge.py"], check=True)\nsubprocess.run([sys.executable, "-S", "forge.py"], check=True)\n',
    });
    const run = runPython(root, ['python', 'main.py'], { traced: true });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toBe('key: None\nkey: None\n');
    expect(run.events.map((e) => e.type)).toEqual(['tracer_start']);
    expect(run.tampering).toEqual([
      expect.stringMatching(/events-\d+\.jsonl:1: rejected: no MAC: not written by the tracer of this step/),
      expect.stringMatching(/events-\d+\.jsonl:1: rejected: no MAC/),
    ]);
  });

  it('a tracer run without a key (or a file written by hand) has no valid line', () => {
    const root = workspaceWith({ 'main.py': FIT });
    const run = runPython(root, ['python', 'main.py'], { traced: true, extraEnv: { MSPR_TRACE_KEY: '' } });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.events).toEqual([]);
    expect(run.tampering).toHaveLength(4);
    const dir = mkdtempSync(join(tmpdir(), 'mspr-trace-hand-'));
    const key = newTraceKey();
    const start = { type: 'tracer_start', seq: 1, ts: 1, pid: 9, tracer_version: '1.0.0', python: '3.11.2' };
    writeFileSync(join(dir, 'events-9.jsonl'), `${sealTraceLine(newTraceKey(), stepSeal(key, dir).step, JSON.stringify(start))}\n`);
    appendFileSync(join(dir, 'events-9.jsonl'), `${sealTraceLine(key, stepSeal(key, dir).step, JSON.stringify({ ...start, seq: 2, type: 'tracer_error', where: 'x', error: 'y' }))}\n`);
    const read = readTraceFile(join(dir, 'events-9.jsonl'), undefined, stepSeal(key, dir));
    expect(read.events.map((e) => e.type)).toEqual(['tracer_error']);
    expect(read.tampering).toEqual([expect.stringMatching(/:1: rejected: MAC does not match/), expect.stringMatching(/:2: seq 2 comes before its process's tracer_start/)]);
  });
});
