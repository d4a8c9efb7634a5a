import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOwnTestsPhase } from '../../runner/own-tests/own-tests-phase.js';
import type { OwnTestsRecord } from '../../runner/own-tests/own-tests-record.js';
import { createOwnTestsFolder } from '../../runner/own-tests/run-own-tests.js';
import { LocalBackend } from '../../runner/sandbox/local-backend.js';
import { resolvePython } from '../../runner/settings.js';
import { tempRepo } from './temp-repo.js';

/** Really runs the team's tests of a fresh repository holding `files` (local backend, Debian's Python by default). */
export async function runOwnTestsOf(files: Record<string, string>, options: { python?: string; timeoutSec?: number; unmet?: Array<{ name: string }> } = {}): Promise<{ ownTests: OwnTestsRecord; workspaceRoot: string }> {
  const workspace = tempRepo(files);
  const traceDir = mkdtempSync(join(tmpdir(), 'mspr-trace-'));
  createOwnTestsFolder(traceDir);
  const sandbox = await new LocalBackend().start({
    runId: 'test',
    workspaceDir: workspace.root,
    traceDir,
    tracerDir: join(traceDir, 'no-tracer'),
    limits: { timeoutSec: 60, memoryMb: 1024, cpus: 1, pids: 64, network: 'none' },
    python: options.python ?? resolvePython(),
    env: {},
  });
  try {
    const ownTests = await runOwnTestsPhase({ sandbox, plan: undefined, hostTraceDir: traceDir, hostWorkspaceDir: workspace.root, timeoutSec: options.timeoutSec ?? 60, unmet: options.unmet, onProgress: () => {} });
    return { ownTests, workspaceRoot: workspace.root };
  } finally {
    await sandbox.dispose();
  }
}
