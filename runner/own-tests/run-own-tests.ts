import { mkdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { workspaceFiles } from '../evidence/workspace-files.js';
import { declaredRequirements, type UnmetRequirement } from '../failure/declared-requirements.js';
import { t } from '../i18n.js';
import type { RepoFiles } from '../plan/repo-files.js';
import type { RunPlan } from '../plan/run-plan.js';
import { SKIP } from '../plan/skip-rules.js';
import type { ProgressListener } from '../progress.js';
import { readFileInside } from '../safe-read/read-inside.js';
import { TRACE_FOLDER } from '../safe-read/file-refused.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { classifySuite } from './classify-suite.js';
import { findSuites } from './find-suites.js';
import type { OwnTestsRecord, OwnTestSuite } from './own-tests-record.js';
import { readJunit } from './read-junit.js';

/** The folder of the trace that receives the suites' JUnit XML; made before the sandbox starts, like the steps'. */
export const OWN_TESTS_FOLDER = 'own-tests';
const MAX_JUNIT_BYTES = 16 * 1024 * 1024;

export interface OwnTestsOptions {
  sandbox: Sandbox;
  repo: RepoFiles;
  plan: RunPlan | undefined;
  /** The run's trace folder on the host (the sandbox sees it as `paths.trace`). */
  hostTraceDir: string;
  hostWorkspaceDir: string;
  /** Per suite. */
  timeoutSec: number;
  /** What the environment stage could not install: an ImportError of it is the environment's. */
  unmet?: readonly UnmetRequirement[];
  onProgress: ProgressListener;
}

export function createOwnTestsFolder(hostTraceDir: string): void {
  mkdirSync(join(hostTraceDir, OWN_TESTS_FOLDER), { recursive: true });
}

/**
 * Runs the team's own test suites after the pipeline steps, a phase of its own (they are not pipeline steps: the
 * plan leaves them out). Each suite is one `python -m pytest` (pytest also runs unittest cases) from the repository
 * root, untraced (a test's fits are not the pipeline's), with its JUnit XML written to the trace folder and read back
 * through the safe reader. pytest's cache and bytecode are kept out of the team's tree.
 */
export async function runOwnTests(options: OwnTestsOptions): Promise<OwnTestsRecord> {
  const found = findSuites(options.repo);
  const mentions = (options.plan?.skipped ?? []).filter((item) => item.reason.en === SKIP.tests.en).map((item) => item.source ?? item.path);
  const suites: OwnTestSuite[] = [];
  const workspace = workspaceFiles(options.hostWorkspaceDir);
  const context = { workspace, roots: [options.hostWorkspaceDir, options.sandbox.paths.workspace], declared: declaredRequirements(workspace), unmet: options.unmet, servers: [], python: options.sandbox.python };
  for (const [index, suite] of found.entries()) {
    options.onProgress({ type: 'phase', text: t(`Tests de l’équipe : ${suite.path} (${index + 1}/${found.length})`, `The team’s tests: ${suite.path} (${index + 1}/${found.length})`) });
    const report = `${String(index + 1).padStart(2, '0')}.xml`;
    const targets = /(^|\/)tests?$/.test(suite.path) ? [suite.path] : suite.files;
    const result = await options.sandbox.exec(
      [options.sandbox.python, '-m', 'pytest', ...targets, '-q', '-p', 'no:cacheprovider', '-o', 'junit_family=xunit2', `--junitxml=${posix.join(options.sandbox.paths.trace, OWN_TESTS_FOLDER, report)}`],
      { timeoutMs: options.timeoutSec * 1000, env: { PYTHONPATH: options.sandbox.paths.workspace, PYTHONDONTWRITEBYTECODE: '1', MPLBACKEND: 'Agg', PYTHONUNBUFFERED: '1' } },
    );
    suites.push(classifySuite(suite, result, readReport(options.hostTraceDir, report), context));
  }
  return { suites, mentions };
}

function readReport(hostTraceDir: string, file: string): ReturnType<typeof readJunit> {
  try {
    const xml = readFileInside(join(hostTraceDir, OWN_TESTS_FOLDER), file, { maxBytes: MAX_JUNIT_BYTES, kind: 'textBytes' }, { links: 'none', folder: TRACE_FOLDER }).toString('utf8');
    return readJunit(xml);
  } catch {
    return undefined;
  }
}
