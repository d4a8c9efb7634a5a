import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { packagePath } from '../../../runner/paths.js';
import { resolvePython } from '../../../runner/settings.js';
import type { TraceEvent } from '../../../runner/tracer/trace-event.js';
import { stepSeal } from '../../../runner/tracer/read-sealed-lines.js';
import { readTraceFile } from '../../../runner/tracer/trace-index.js';
import { newTraceKey, TRACE_KEY_ENV } from '../../../runner/tracer/trace-seal.js';

export const PYTHON = resolvePython();
export const TRACER_DIR = packagePath('runner/tracer/python');

export interface PythonRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Events of every process, in time order, and problems (invalid lines, tracer errors, rejected lines). */
  events: TraceEvent[];
  problems: string[];
  /** Lines whose seal did not hold, and lines moved or missing (also in `problems`). */
  tampering: string[];
  traceDir: string;
  /** The key the step's tracer was handed (the runner keeps its own the same way: in memory). */
  traceKey: Buffer;
  traceFiles: string[];
  workspace: string;
}

/** A fresh copy of an ML fixture with the scenario dataset placed where its mspr.yaml expects it. */
export function fixtureCopy(name: string, dataset: 'logements/logements.csv' | 'attrition/clients.csv'): string {
  const root = mkdtempSync(join(tmpdir(), `mspr-tracer-${name}-`));
  cpSync(packagePath('test/fixtures/ml', name), root, { recursive: true });
  mkdirSync(join(root, 'data'), { recursive: true });
  cpSync(packagePath('datasets', dataset), join(root, 'data', dataset.split('/')[1]!));
  return root;
}

/**
 * Runs argv (first word `python` = Debian's interpreter) in `workspace`, with the tracer on (`traced`) or
 * not. `extraEnv` comes last, so a test can put something else first on PYTHONPATH.
 */
export function runPython(workspace: string, argv: string[], options: { traced: boolean; extraEnv?: Record<string, string>; notebook?: string; tracerDir?: string }): PythonRun {
  const traceDir = mkdtempSync(join(tmpdir(), 'mspr-trace-'));
  const traceKey = newTraceKey();
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8', MPLBACKEND: 'Agg', PYTHONHASHSEED: '0' };
  if (options.traced) {
    // As the step runner does: the tracer takes the key out of the environment and seals every line with it.
    Object.assign(env, { PYTHONPATH: options.tracerDir ?? TRACER_DIR, MSPR_TRACE_DIR: traceDir, MSPR_WORKSPACE: workspace, [TRACE_KEY_ENV]: traceKey.toString('hex') });
    if (options.notebook) env.MSPR_NOTEBOOK = options.notebook;
  }
  Object.assign(env, options.extraEnv ?? {});
  const [first, ...rest] = argv;
  const result = spawnSync(first === 'python' ? PYTHON : first!, rest, { cwd: workspace, env, encoding: 'utf8', timeout: 180_000 });
  const traceFiles = existsSync(traceDir) ? readdirSync(traceDir).filter((n) => n.endsWith('.jsonl')).sort() : [];
  const events: TraceEvent[] = [];
  const problems: string[] = [];
  const tampering: string[] = [];
  const seal = stepSeal(traceKey, traceDir);
  for (const file of traceFiles) {
    const read = readTraceFile(join(traceDir, file), undefined, seal);
    events.push(...read.events);
    problems.push(...read.problems);
    tampering.push(...read.tampering);
  }
  events.sort((a, b) => a.ts - b.ts || a.pid - b.pid || a.seq - b.seq);
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr, events, problems, tampering, traceDir, traceKey, traceFiles, workspace };
}

/** Every file under `root` with its bytes, relative paths as keys (caches left out). */
export function filesOf(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === '__pycache__' || name === '.ipynb_checkpoints') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return files;
}
