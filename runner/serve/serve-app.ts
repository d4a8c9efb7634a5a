import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, posix } from 'node:path';
import { isServeStep, type Scenario } from '../../scenarios/scenario.js';
import type { EnvironmentRecord } from '../environment/environment-record.js';
import { classifySteps } from '../failure/classify-steps.js';
import { t } from '../i18n.js';
import type { RunPlan } from '../plan/run-plan.js';
import { findReadme } from '../plan/readme-commands.js';
import { repoFiles } from '../plan/repo-files.js';
import type { ProgressListener } from '../progress.js';
import type { ExecResult, Sandbox } from '../sandbox/sandbox.js';
import type { StepRun } from '../steps/run-steps.js';
import { readStepTraces } from '../tracer/read-step-traces.js';
import { newTraceKey, TRACE_KEY_ENV } from '../tracer/trace-seal.js';
import { readAppCommand } from './app-command.js';
import { flaskRoutesOf, appTraceFacts } from './app-trace.js';
import { awaitReady } from './await-ready.js';
import { demoAccount } from './demo-account.js';
import { exerciseApp } from './exercise-app.js';
import type { HttpEvidence } from './http-evidence.js';
import { logFilesSince } from './log-files.js';
import { trainingFeatures } from './training-features.js';

export interface ServeStageInput {
  scenario: Scenario;
  plan: RunPlan | undefined;
  sandbox: Sandbox;
  /** The pipeline's steps (their traces give the features the model was fitted on). */
  stepRuns: StepRun[];
  hostTraceDir: string;
  hostWorkspaceDir: string;
  environment?: EnvironmentRecord;
  /** Kinds of the database servers started for the run. */
  servers: readonly string[];
  onProgress: ProgressListener;
  /** While the app is up, once its pages are fetched: the accessibility audit plugs in here. */
  whileUp?: (app: { baseUrl: string; htmlPages: string[] }) => Promise<void>;
}

const TRACE_FOLDER = 'serve-app';
const DOCKER_PORT = 8000;

/**
 * The serve stage: starts the team's app in the sandbox after the pipeline (so its model file exists),
 * waits for it to answer HTTP, exercises it (runner/serve/exercise-app.ts), stops it, and returns the `http`
 * evidence. A start that fails is evidence too, with whose fault it is. Never throws for the app's sake.
 */
export async function serveApp(input: ServeStageInput): Promise<HttpEvidence> {
  const step = input.scenario.steps.find(isServeStep);
  const empty = { exchanges: [], htmlPages: [], forms: [], routes: [], routesFrom: [], features: [], logFiles: [], notes: [] };
  if (!step) return { state: 'not-asked', required: false, ...empty };
  const repo = repoFiles(input.hostWorkspaceDir);
  const given = step.serve.command;
  const app = given
    ? { ...(readAppCommand(given, step.serve.cwd ?? '.', repo) ?? { framework: 'other' as const, run: given }), cwd: step.serve.cwd ?? '.', reason: 'scenario', pythonPathRoot: true }
    : input.plan?.app;
  if (!app) return { state: 'not-found', required: true, ...empty };
  const { sandbox } = input;
  const pipeline = readStepTraces(input.stepRuns.map((run) => ({ stepId: run.record.id, traceDir: run.traceDir, traceKey: run.traceKey })));
  const features = trainingFeatures(pipeline);
  const local = sandbox.backend === 'local';
  const port = step.serve.port ?? (local ? await freePort() : DOCKER_PORT);
  const host = local ? '127.0.0.1' : '0.0.0.0';
  const shown = app.run.map((word) => word.replace('{host}', host).replace('{port}', String(port)));
  const argv = /^python3?$/.test(shown[0] ?? '') ? [sandbox.python, ...shown.slice(1)] : shown;
  const base: HttpEvidence = { state: 'failed', required: true, framework: app.framework, command: shown, cwd: app.cwd, ...(app.entry ? { entry: app.entry } : {}), reason: app.reason, ...empty, features: features.names };
  if (!sandbox.hostAddress) {
    const message = sandbox.unreachable ?? t('Le bac à sable ne donne aucune adresse où joindre l’application.', 'The sandbox gives no address to reach the app at.');
    return { ...base, failure: { owner: 'grader', cause: 'sandbox', message } };
  }
  const baseUrl = `http://${sandbox.hostAddress}:${port}`;
  input.onProgress({ type: 'phase', text: t(`Démarrage de l’application : ${shown.join(' ')}`, `Starting the app: ${shown.join(' ')}`) });

  const hostTrace = join(input.hostTraceDir, TRACE_FOLDER);
  mkdirSync(hostTrace, { recursive: true });
  const traceKey = newTraceKey();
  const sandboxTrace = posix.join(sandbox.paths.trace, TRACE_FOLDER);
  const env: Record<string, string> = {
    PYTHONPATH: app.pythonPathRoot ? `${sandbox.paths.tracer}:${sandbox.paths.workspace}` : sandbox.paths.tracer,
    PYTHONUNBUFFERED: '1',
    MPLBACKEND: 'Agg',
    MSPR_TRACE_DIR: sandboxTrace,
    MSPR_WORKSPACE: sandbox.paths.workspace,
    MSPR_DATASETS_DIR: sandbox.paths.datasets,
    [TRACE_KEY_ENV]: traceKey.toString('hex'),
    MSPR_SERVE_HOST: host,
    MSPR_SERVE_PORT: String(port),
    // Apps often read their port from the environment (PaaS habit).
    PORT: String(port),
  };
  const stop = new AbortController();
  const startedAt = Date.now();
  const timeoutSec = step.timeoutSec ?? input.scenario.sandbox.timeoutSec;
  const running = sandbox.exec(argv, { timeoutMs: timeoutSec * 1000, env, signal: stop.signal, ...(app.cwd !== '.' ? { cwd: app.cwd } : {}) }).catch((error: unknown) => unstarted(argv, error));
  const readyPaths = step.serve.ready ? [step.serve.ready] : ['/', '/docs', '/health'];
  const ready = await awaitReady(baseUrl, readyPaths, running, (step.serve.readyTimeoutSec ?? 60) * 1000);
  const appTrace = () => readStepTraces([{ stepId: 'app', traceDir: hostTrace, traceKey }]);
  let evidence: HttpEvidence = { ...base, baseUrl };
  if (ready.ready) {
    input.onProgress({ type: 'phase', text: t(`Application prête en ${ready.ms} ms : ${baseUrl}`, `App ready in ${ready.ms} ms: ${baseUrl}`) });
    const readme = findReadme(repo);
    const account = readme ? demoAccount(repo.text(readme), readme) : undefined;
    const exercised = await exerciseApp({ baseUrl, features, flaskRoutes: () => flaskRoutesOf(appTrace()), account, whileUp: input.whileUp }).catch((error: unknown) => ({ ...empty, notes: [t(`Exercice interrompu : ${String(error)}`, `Exercise interrupted: ${String(error)}`)] }));
    evidence = { ...evidence, ...exercised, state: 'served', readyMs: ready.ms };
  }
  stop.abort();
  const result = await running;
  const facts = appTraceFacts(appTrace(), pipeline, evidence.exchanges);
  evidence = {
    ...evidence,
    trace: facts,
    exit: { exitCode: result.exitCode, signal: result.signal, ...(result.stoppedFor ? { stoppedFor: result.stoppedFor } : {}), durationMs: result.durationMs },
    logs: { stdout: result.stdout.text, stderr: result.stderr.text, truncated: result.stdout.truncated || result.stderr.truncated },
    logFiles: logFilesSince(input.hostWorkspaceDir, startedAt),
  };
  if (!ready.ready) evidence.failure = startFailure(result, ready.timedOut, input);
  return evidence;
}

/** Whose fault a start that never answered is: the step classifier's words (a missing package is the environment's). */
function startFailure(result: ExecResult, timedOut: boolean, input: ServeStageInput): NonNullable<HttpEvidence['failure']> {
  if (timedOut && result.exitCode === null) {
    return { owner: 'candidate', cause: 'not-ready', message: t('L’application tournait mais n’a répondu à aucune requête HTTP dans le délai.', 'The app was running but answered no HTTP request in time.') };
  }
  const record = { id: 'app', kind: 'command' as const, optional: false, status: 'failed' as const, result };
  const unmet = input.environment?.requirements.filter((r) => r.status === 'unmet').map((r) => ({ name: r.name }));
  classifySteps([{ record, traceDir: '', traceKey: Buffer.alloc(0) }], { workspaceDir: input.hostWorkspaceDir, sandboxWorkspace: input.sandbox.paths.workspace, python: input.sandbox.python, servers: input.servers, unmet });
  const failure = (record as { failure?: { owner: 'candidate' | 'environment' | 'grader'; cause: string; message: { fr: string; en: string }; package?: string } }).failure;
  if (failure) return { owner: failure.owner, cause: failure.cause, message: failure.message, ...(failure.package ? { package: failure.package } : {}) };
  return { owner: 'candidate', cause: 'exited', message: t(`L’application s’est arrêtée (code ${result.exitCode}) avant de répondre.`, `The app stopped (exit code ${result.exitCode}) before answering.`) };
}

/** A port free on the host right now (the local sandbox shares the host's network). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The sandbox could not even start the command (engine error): a result like any other, exit 127. */
function unstarted(argv: string[], error: unknown): ExecResult {
  const text = `${error instanceof Error ? error.message : String(error)}\n`;
  return { argv, exitCode: 127, signal: null, timedOut: false, oomKilled: false, durationMs: 0, stdout: { text: '', bytes: 0, truncated: false }, stderr: { text, bytes: text.length, truncated: false } };
}
