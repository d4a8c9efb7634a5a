#!/usr/bin/env node
// Tracer overhead: runs the benchmark pipeline N times with and without the tracer (alternating, so drift in
// machine load hits both), prints median wall times and their ratio, then the interpreter start-up time with
// and without the tracer (bare `python -c pass`, and an `import sklearn.linear_model` where the hooks attach).
//
// Usage: node bench/tracer-overhead.mjs [runs=3] [startupRuns=15]     (MSPR_PYTHON picks the interpreter)
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const python = process.env.MSPR_PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const tracerDir = join(root, 'runner/tracer/python');
const fixture = join(root, 'bench/fixtures/tracer-overhead');
const runs = Number(process.argv[2] ?? 3);
const startupRuns = Number(process.argv[3] ?? 15);

function run(args, traced) {
  const traceDir = mkdtempSync(join(tmpdir(), 'mspr-bench-'));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  // With a key, as the step runner does: every line is sealed (HMAC-SHA256) and the key handed to children.
  if (traced) Object.assign(env, { PYTHONPATH: tracerDir, MSPR_TRACE_DIR: traceDir, MSPR_WORKSPACE: fixture, MSPR_TRACE_KEY: randomBytes(32).toString('hex') });
  const started = process.hrtime.bigint();
  const result = spawnSync(python, args, { cwd: fixture, env, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${traced ? 'traced' : 'untraced'}):\n${result.stderr}`);
  const events = traced ? readdirSync(traceDir).length : 0;
  rmSync(traceDir, { recursive: true, force: true });
  return { seconds, stdout: result.stdout, events };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function compare(label, args, n) {
  const plain = [];
  const traced = [];
  let outputs = new Set();
  for (let i = 0; i < n; i++) {
    const a = run(args, false);
    const b = run(args, true);
    plain.push(a.seconds);
    traced.push(b.seconds);
    outputs.add(a.stdout).add(b.stdout);
  }
  const p = median(plain);
  const t = median(traced);
  console.log(`${label.padEnd(34)} untraced ${p.toFixed(3)} s   traced ${t.toFixed(3)} s   ratio ${(t / p).toFixed(3)}${outputs.size > 1 ? '   OUTPUTS DIFFER' : ''}`);
  return { untraced: p, traced: t, ratio: t / p, identicalOutput: outputs.size === 1 };
}

console.log(`python: ${python}\nruns: ${runs} pipeline, ${startupRuns} start-up\n`);
const pipeline = compare('pipeline (pipeline.py)', ['pipeline.py'], runs);
const bare = compare('start-up: python -c pass', ['-c', 'pass'], startupRuns);
const sklearnImport = compare('start-up: import sklearn.linear_model', ['-c', 'import sklearn.linear_model, sklearn.model_selection, sklearn.metrics'], Math.max(3, Math.floor(startupRuns / 3)));
console.log(`\npipeline overhead ratio (traced / untraced wall time): ${pipeline.ratio.toFixed(3)}${pipeline.ratio < 1.1 ? ' (under the 1.10 target)' : ' (ABOVE the 1.10 target)'}`);
console.log(`start-up overhead: +${((bare.traced - bare.untraced) * 1000).toFixed(1)} ms bare, +${((sklearnImport.traced - sklearnImport.untraced) * 1000).toFixed(1)} ms with sklearn imported`);
if (!pipeline.identicalOutput) process.exitCode = 1;
