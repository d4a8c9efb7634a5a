import type { Verdict } from '../checks/verdict.js';
import { REPORT_SCHEMA_VERSION, type RunReport, type StepReport } from '../reports/report.js';
import { summarize } from '../reports/summarize.js';
import type { LoadedScenario } from '../scenarios/scenario.js';
import type { SerializedError } from './errors.js';
import { asLocalized, type Localized } from './i18n.js';
import { packageVersion } from './paths.js';
import type { RunPlan } from './plan/run-plan.js';
import type { StepRun } from './steps/run-steps.js';
import type { SubmissionInfo } from './submission/submission-info.js';

/** Reports keep the end of each step's output: the traceback is there, and reports stay readable. */
const TAIL_CHARS = 4000;

export interface ReportParts {
  runId: string;
  startedAt: Date;
  scenario: LoadedScenario;
  submission: SubmissionInfo;
  sandbox: RunReport['sandbox'];
  assumptions: Localized[];
  plan?: RunPlan;
  stepRuns: StepRun[];
  verdicts: Verdict[];
  errors: SerializedError[];
  traceSummary: RunReport['trace'];
}

/** Assembles the canonical report; the only place that knows its shape besides the schema. */
export function buildReport(parts: ReportParts): RunReport {
  const finishedAt = new Date();
  const { scenario } = parts.scenario;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'mspr-lab', version: packageVersion },
    runId: parts.runId,
    startedAt: parts.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - parts.startedAt.getTime(),
    scenario: { id: scenario.id, title: asLocalized(scenario.title), framework: scenario.framework, bloc: scenario.bloc, source: parts.scenario.source },
    submission: parts.submission,
    sandbox: parts.sandbox,
    assumptions: parts.assumptions,
    ...(parts.plan ? { plan: parts.plan } : {}),
    steps: parts.stepRuns.map(({ record }): StepReport => ({
      id: record.id,
      kind: record.kind,
      ...(record.entry ? { entry: record.entry } : {}),
      argv: record.result?.argv ?? [],
      status: record.status,
      optional: record.optional,
      exitCode: record.result?.exitCode ?? null,
      signal: record.result?.signal ?? null,
      timedOut: record.result?.timedOut ?? false,
      oomKilled: record.result?.oomKilled ?? false,
      ...(record.result?.stoppedFor ? { stoppedFor: record.result.stoppedFor } : {}),
      durationMs: record.result?.durationMs ?? 0,
      stdoutTail: tail(record.result?.stdout.text ?? ''),
      stderrTail: tail(record.result?.stderr.text ?? ''),
      outputBytes: { stdout: record.result?.stdout.bytes ?? 0, stderr: record.result?.stderr.bytes ?? 0 },
      outputTruncated: Boolean(record.result?.stdout.truncated || record.result?.stderr.truncated),
      ...(record.error ? { error: record.error } : {}),
    })),
    trace: parts.traceSummary,
    verdicts: parts.verdicts,
    manual: scenario.manual.map((item) => ({ criteria: item.criteria, label: asLocalized(item.label) })),
    errors: parts.errors,
    summary: summarize(parts.verdicts, parts.errors),
  };
}

function tail(text: string): string {
  return text.length <= TAIL_CHARS ? text : `…${text.slice(-TAIL_CHARS)}`;
}
