import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedScenario, SandboxBackendName } from '../scenarios/scenario.js';
import { DEFAULT_CHECK_DEADLINES } from '../checks/check-deadlines.js';
import { lineageNotice } from '../checks/data/support/lineage/lineage-notice.js';
import type { Verdict } from '../checks/verdict.js';
import { buildReport } from './build-report.js';
import { firstLineOf, MsprError, type SerializedError, toSerializedError, withRunId } from './errors.js';
import { assembleEvidence } from './check-phase/assemble-evidence.js';
import { judgeEvidence } from './check-phase/judge-evidence.js';
import type { CommittedFiles } from './evidence/committed-files.js';
import type { EnvironmentRecord } from './environment/environment-record.js';
import { type EnvironmentSettings, resolveEnvironmentSettings } from './environment/environment-settings.js';
import { prepareEnvironment } from './environment/prepare-environment.js';
import { installerFor } from './environment/select-installer.js';
import { stampDatabaseFiles, unwrittenDatabaseFiles } from './evidence/past-run-databases.js';
import { classifySteps } from './failure/classify-steps.js';
import { preflightInterpreter } from './failure/preflight-interpreter.js';
import { createEvidenceKeeper } from './kept-evidence/keep-evidence.js';
import { DEFAULT_READ_LIMITS } from './safe-read/read-limits.js';
import type { GraderLimits } from './settings.js';
import { t, type Lang, type Localized } from './i18n.js';
import { packagePath } from './paths.js';
import { type ProgressListener, silentProgress } from './progress.js';
import { newRunId } from './run-id.js';
import { createRedactor } from './redaction/redactor.js';
import { redactingProgress, serviceSecrets, workspaceSecrets } from './redaction/run-secrets.js';
import { LOCAL_ISOLATION_NOTICE } from './sandbox/local-backend.js';
import type { Sandbox } from './sandbox/sandbox.js';
import { selectBackend } from './sandbox/select-backend.js';
import { noServices, type ServiceProvider, type StartedServices } from './services/service-provider.js';
import { runDatabaseOf, writeRunDotenv } from './services/run-dotenv/write-run-dotenv.js';
import { ownTestsWanted, runOwnTestsPhase } from './own-tests/own-tests-phase.js';
import type { OwnTestsRecord } from './own-tests/own-tests-record.js';
import { planSteps } from './steps/plan-steps.js';
import { serveApp } from './serve/serve-app.js';
import { accessibilityStage } from './browser/accessibility-stage.js';
import { collectReportImages } from './report-images/collect-report-images.js';
import type { ReportImages } from './report-images/report-image.js';
import type { FigureEvent } from './tracer/data-event-types.js';
import type { AccessibilityEvidence } from './browser/page-audit.js';
import type { HttpEvidence } from './serve/http-evidence.js';
import { isServeStep } from '../scenarios/scenario.js';
import { createStepTraceFolders, runSteps, type StepRun } from './steps/run-steps.js';
import type { CandidateManifest } from './submission/candidate-manifest.js';
import { acquireSubmission } from './submission/acquire-submission.js';
import { planRun } from './plan/plan-run.js';
import { requirementSourcesOf } from './plan/requirement-sources.js';
import type { RunPlan } from './plan/run-plan.js';
import { deadlineAssumption, parseDeadline } from './submission/parse-deadline.js';
import { makeDatasetsRemovable, placeDatasets } from './submission/place-datasets.js';
import type { SubmissionInfo } from './submission/submission-info.js';
import { readCodeImports } from './static/read-code-imports.js';
import { readStaticFacts } from './static/read-static-facts.js';
import { staticSummary } from './static/static-summary.js';
import { readStepTraces } from './tracer/read-step-traces.js';
import { withStaticFacts } from './tracer/trace-index.js';
import { tamperingNotice } from './tracer/tampering-notice.js';
import type { RunReport } from '../reports/report.js';
import { createRunFolder } from './workdir/run-folder.js';

export interface RunOptions {
  scenario: LoadedScenario;
  source: string;
  ref?: string;
  deadline?: string;
  /** Overrides the scenario's backend (the CLI's --sandbox). */
  sandbox?: SandboxBackendName;
  python: string;
  lang: Lang;
  /** Where run folders (workspace, datasets, trace) are created. */
  workRoot: string;
  keepWorkspace?: boolean;
  services?: ServiceProvider;
  /** Where the team's packages come from (index, wheel folder) and the venv cache; default: from MSPR_* variables. */
  environment?: EnvironmentSettings;
  onProgress?: ProgressListener;
  /** An instructor's plan for this team, kept outside its repository (`--manifest`); replaces its mspr.yaml. */
  manifestFile?: string;
  /** Caps on reading the candidate's files and deadlines of the checks (default: runner/settings.ts' defaults). */
  limits?: GraderLimits;
  /** The roster's team and members (the batch); without it, the repository's `mspr.yaml` `team:` names them. */
  team?: { name: string; members: string[] };
  /** Where to keep what `mspr-lab regrade` needs (the batch sets it per team; runner/kept-evidence). */
  evidenceDir?: string;
}

/**
 * Grades one submission: workspace → sandbox → steps → evidence → checks → report. Whatever fails, a
 * report comes back holding everything gathered so far; run-level failures land in `report.errors`.
 */
export async function runSubmission(options: RunOptions): Promise<RunReport> {
  const startedAt = new Date();
  const { scenario } = options.scenario;
  // Secrets are masked in the report and, as they become known, in the progress shown live (CI logs).
  const redactor = createRedactor();
  const progress = redactingProgress(options.onProgress ?? silentProgress, redactor);
  const runId = newRunId(scenario.id, startedAt);
  const runsCandidate = scenario.steps.some((step) => 'candidate' in step);
  const runFolder = createRunFolder(options.workRoot, runId);
  const runDir = runFolder.dir;
  const dirs = { workspace: join(runDir, 'workspace'), datasets: join(runDir, 'datasets'), trace: join(runDir, 'trace'), scratch: runDir };
  for (const dir of [dirs.workspace, dirs.datasets, dirs.trace]) mkdirSync(dir);

  const errors: SerializedError[] = [];
  const assumptions: Localized[] = [];
  const note = (text: Localized) => assumptions.push(text);
  let submission: SubmissionInfo = { source: options.source, kind: 'directory', refused: [], fileCount: 0, totalBytes: 0 };
  let sandboxInfo: RunReport['sandbox'] = { backend: 'none', isolated: false };
  let stepRuns: StepRun[] = [];
  let verdicts: Verdict[] = [];
  let traceSummary: RunReport['trace'] = { events: 0, problems: [] };
  let manifest: CandidateManifest | undefined;
  let plan: RunPlan | undefined;
  let services: StartedServices = noServices;
  let sandbox: Sandbox | undefined;
  let environment: EnvironmentRecord | undefined;
  let images: ReportImages | undefined;

  try {
    if (options.deadline !== undefined) noteDeadline(options.deadline, note);
    progress({ type: 'phase', text: t(`Récupération de ${options.source}`, `Fetching ${options.source}`) });
    submission = await acquireSubmission({ source: options.source, ref: options.ref, deadline: options.deadline, workspaceDir: dirs.workspace, scratchDir: dirs.scratch, onSecrets: (values) => redactor.add(values) });
    if (options.team?.members.length) submission = { ...submission, members: options.team.members };
    redactor.add(workspaceSecrets(dirs.workspace));
    for (const refused of submission.refused) progress({ type: 'notice', text: refused.message });
    ({ plan, manifest } = planRun({ workspaceDir: dirs.workspace, manifestFile: options.manifestFile, services: scenario.services, runsCandidate, note, progress }));
    for (const text of await placeDatasets(options.scenario, dirs.datasets, dirs.workspace, manifest)) note(text);

    const { backend, notice } = await selectBackend(options.sandbox ?? scenario.sandbox.backend);
    if (notice) progress({ type: 'notice', text: notice });
    sandboxInfo = { backend: backend.name, isolated: backend.name !== 'local', notice: backend.name === 'local' ? LOCAL_ISOLATION_NOTICE : undefined };
    if (backend.name === 'local') progress({ type: 'notice', text: LOCAL_ISOLATION_NOTICE });

    const serverServices = scenario.services.filter((service) => service.kind !== 'sqlite');
    if (serverServices.length > 0) {
      if (!options.services) throw new MsprError('MSPR_SERVICE_FAILED', t('Aucun fournisseur de services configuré pour démarrer les bases du scénario.', 'No service provider is configured to start the scenario’s databases.'));
      progress({ type: 'phase', text: t('Démarrage des services', 'Starting services') });
      services = await options.services.start(runId, serverServices, backend.name);
      redactor.add(serviceSecrets(services));
      if (services.notice) note(services.notice);
    }

    const servers = [...services.endpoints.values()].map((endpoint) => endpoint.kind);
    const dotenv = writeRunDotenv(dirs.workspace, runDatabaseOf(servers, services.candidateEnv));
    for (const text of dotenv.notes) note(text);

    const planned = planSteps(scenario, plan);
    // The team's declared requirements, in a venv the sandbox runs with: those of the folders the steps run from
    // (and of the files they run), and the requirement files the README (or a planned Makefile recipe) installs.
    const prepared = await prepareEnvironment(
      requirementSourcesOf(dirs.workspace, planned, plan),
      { runId, installer: await installerFor(backend, { python: options.python, image: scenario.sandbox.image, limits: scenario.sandbox }), settings: options.environment ?? resolveEnvironmentSettings(), scratchDir: join(runDir, 'environment'), debianPackages: scenario.sandbox.packages, onProgress: progress },
    );
    environment = prepared.record;
    // Every step's trace folder exists before the sandbox starts, so the grader never has to hand over a
    // folder (chown, as root) once the candidate's code has run and could have planted links beside it.
    createStepTraceFolders(planned, dirs.trace);
    const wantsTests = ownTestsWanted(scenario, dirs.trace);
    sandbox = await backend.start({
      runId,
      workspaceDir: dirs.workspace,
      datasetsDir: dirs.datasets,
      traceDir: dirs.trace,
      tracerDir: packagePath('runner/tracer/python'),
      limits: scenario.sandbox,
      image: scenario.sandbox.image,
      python: options.python,
      env: services.candidateEnv,
      serviceNetwork: services.network,
      venv: prepared.venv,
      keepFiles: options.keepWorkspace,
      reachable: scenario.steps.some(isServeStep),
    });
    if (sandbox.notice) {
      sandboxInfo = { ...sandboxInfo, notice: sandbox.notice };
      progress({ type: 'notice', text: sandbox.notice });
    }
    await preflightInterpreter(sandbox, planned);
    const stamps = stampDatabaseFiles(dirs.workspace);
    stepRuns = await runSteps(planned, {
      sandbox,
      hostTraceDir: dirs.trace,
      hostWorkspaceDir: dirs.workspace,
      onProgress: progress,
    });
    // The team's own tests, a phase after the pipeline (only when a check of the scenario judges them).
    const unmet = environment?.requirements.filter((r) => r.status === 'unmet').map((r) => ({ name: r.name }));
    const ownTests = wantsTests ? await runOwnTestsPhase({ sandbox, plan, hostTraceDir: dirs.trace, hostWorkspaceDir: dirs.workspace, timeoutSec: scenario.sandbox.timeoutSec, unmet, onProgress: progress }) : undefined;
    // The team's app, after the pipeline (its model file exists), exercised over HTTP; stopped before the sandbox.
    const audit = accessibilityStage(scenario.checks, runDir, join(runDir, 'accessibility'), progress);
    const http = await serveApp({ scenario, plan, sandbox, stepRuns, hostTraceDir: dirs.trace, hostWorkspaceDir: dirs.workspace, environment, servers, onProgress: progress, whileUp: audit.whileUp });
    const { python, paths } = sandbox;
    // Processes gone, files kept for the checks: `dispose` (in finally) frees them.
    await (sandbox.stop ? sandbox.stop() : sandbox.dispose());
    // What the environment stage could not install (`unmet`): an ImportError of it is the environment's, said as such.
    errors.push(...classifySteps(stepRuns, { workspaceDir: dirs.workspace, sandboxWorkspace: paths.workspace, python, servers, unmet }));
    const unwritten = unwrittenDatabaseFiles(stamps, dirs.workspace);
    const accessibility = audit.result();
    let figures: FigureEvent[];
    ({ verdicts, traceSummary, figures } = await runChecks(options, dirs, stepRuns, submission, manifest, services, unwritten, note, progress, environment, { http, accessibility, ownTests, committed: dotenv.committed }));
    // Pictures are for the jury's eyes, never evidence: a failure here costs the pictures, not the run.
    images = await collectReportImages({ workspaceDir: dirs.workspace, figures, runDir, pages: accessibility?.audited ? accessibility.pages : [], maxFileBytes: (options.limits?.read ?? DEFAULT_READ_LIMITS).imageBytes }).catch((error: unknown) => {
      note(t(`Les images du rapport n’ont pas pu être préparées : ${firstLineOf(error)}`, `The report’s pictures could not be prepared: ${firstLineOf(error)}`));
      return undefined;
    });
  } catch (error) {
    errors.push(withRunId(toSerializedError(error), runId));
  } finally {
    // Read again after the steps: the code may have written a .env; the trace keys are secrets too.
    redactor.add([...workspaceSecrets(dirs.workspace), ...serviceSecrets(services), ...stepRuns.map((run) => run.traceKey.toString('hex'))]);
    // Unmounts the quota disk too: everything that reads the workspace is done by now.
    await sandbox?.dispose().catch((error) => errors.push(withRunId(toSerializedError(error), runId)));
    await services.dispose().catch((error) => errors.push(withRunId(toSerializedError(error), runId)));
    if (!options.keepWorkspace) await makeDatasetsRemovable(dirs.datasets);
    runFolder.release({ keep: Boolean(options.keepWorkspace) });
  }

  return buildReport({ runId, startedAt, scenario: options.scenario, submission, sandbox: sandboxInfo, environment, assumptions, plan: runsCandidate ? plan : undefined, stepRuns, verdicts, errors, traceSummary, redactor, team: teamOf(options, manifest), images });
}

async function runChecks(
  options: RunOptions,
  dirs: { workspace: string; datasets: string; scratch: string },
  stepRuns: StepRun[],
  submission: SubmissionInfo,
  manifest: CandidateManifest | undefined,
  services: StartedServices,
  unwritten: ReadonlySet<string>,
  note: (text: Localized) => void,
  progress: ProgressListener,
  environment: EnvironmentRecord | undefined,
  served: { http: HttpEvidence; accessibility?: AccessibilityEvidence; ownTests?: OwnTestsRecord; committed?: CommittedFiles },
): Promise<{ verdicts: Verdict[]; traceSummary: RunReport['trace']; figures: FigureEvent[] }> {
  progress({ type: 'phase', text: t('Vérifications', 'Checks') });
  const limits = options.limits ?? { read: DEFAULT_READ_LIMITS, checks: DEFAULT_CHECK_DEADLINES };
  const trace = readStepTraces(stepRuns.map((run) => ({ stepId: run.record.id, traceDir: run.traceDir, traceKey: run.traceKey })), limits.read.traceBytes);
  const tampered = tamperingNotice(trace);
  if (tampered) {
    note(tampered);
    progress({ type: 'notice', text: tampered });
  }
  // A batch keeps what `regrade` needs (runner/kept-evidence); the check phase is the one regrade runs too.
  const keeper = options.evidenceDir ? createEvidenceKeeper(options.evidenceDir) : undefined;
  const steps = stepRuns.map((run) => run.record);
  const assembled = assembleEvidence({ scenario: options.scenario, workspaceDir: dirs.workspace, datasetsDir: dirs.datasets, scratchDir: dirs.scratch, steps, trace, submission, manifest, endpoints: services.endpoints, unwritten, readLimits: limits.read, note, environment, openServer: keeper?.openServer, http: served.http, ownTests: served.ownTests, committed: served.committed });
  // Where a step stopped, its code is read (never run) so checks can judge what the run could not show.
  const facts = await readStaticFacts({ workspace: assembled.workspace, steps, python: options.python });
  const imports = await readCodeImports(assembled.workspace, options.python);
  const evidence = { ...assembled, trace: withStaticFacts(trace, facts), imports, accessibility: served.accessibility };
  const verdicts = await judgeEvidence(options.scenario.scenario.checks, evidence, limits.checks, options.lang, progress);
  const links = await lineageNotice(options.scenario.scenario.checks, evidence).catch(() => undefined);
  if (links) note(links);
  const notKept = keeper?.keep({ workspace: evidence.workspace, committed: served.committed, trace, steps, submission, manifest, unwritten, endpoints: services.endpoints, environment, scenario: options.scenario });
  if (notKept) note(notKept);
  const rejectedLines = trace.rejectedLines > 0 ? { rejectedLines: trace.rejectedLines } : {};
  return { verdicts, traceSummary: { events: trace.all().length, problems: [...trace.problems], ...rejectedLines, ...staticSummary(facts) }, figures: trace.ofType<FigureEvent>('figure') };
}

/** The report says how a deadline without a time zone (or without a time) was read. */
function noteDeadline(input: string, note: (text: Localized) => void): void {
  const assumption = deadlineAssumption(parseDeadline(input));
  if (assumption) note(assumption);
}

function teamOf(options: RunOptions, manifest: CandidateManifest | undefined): RunReport['team'] {
  if (options.team) return { name: options.team.name, members: options.team.members, from: 'roster' };
  return manifest?.team?.length ? { members: manifest.team, from: 'manifest' } : undefined;
}
