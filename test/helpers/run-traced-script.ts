import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../../runner/paths.js';
import { resolvePython } from '../../runner/settings.js';
import { readStepTraces } from '../../runner/tracer/read-step-traces.js';
import type { TraceIndex } from '../../runner/tracer/trace-index.js';
import { newTraceKey, TRACE_KEY_ENV } from '../../runner/tracer/trace-seal.js';
import { tempRepo } from './temp-repo.js';

/**
 * Runs one Python script with the tracer, in a fresh folder holding the boutique dataset, and returns the
 * trace as the runner reads it (every event validated against the schema). `tracer: false` runs it bare.
 */
export function runTracedScript(script: string, options: { tracer?: boolean; env?: Record<string, string> } = {}): { trace: TraceIndex; stdout: string; stderr: string; status: number | null; root: string } {
  const repo = tempRepo({ 'main.py': script });
  for (const name of ['ventes.csv', 'produits.json', 'objectifs.xlsx']) copyFileSync(packagePath('datasets/boutique', name), join(repo.root, name));
  const traceDir = mkdtempSync(join(tmpdir(), 'mspr-trace-'));
  const traceKey = newTraceKey();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, MPLBACKEND: 'Agg', LANG: 'C.UTF-8', ...options.env };
  if (options.tracer !== false) Object.assign(env, { PYTHONPATH: packagePath('runner/tracer/python'), MSPR_TRACE_DIR: traceDir, MSPR_WORKSPACE: repo.root, [TRACE_KEY_ENV]: traceKey.toString('hex') });
  const run = spawnSync(resolvePython(), ['main.py'], { cwd: repo.root, env, encoding: 'utf8', timeout: 120_000 });
  return { trace: readStepTraces([{ stepId: 'main', traceDir, traceKey }]), stdout: run.stdout, stderr: run.stderr, status: run.status, root: repo.root };
}
