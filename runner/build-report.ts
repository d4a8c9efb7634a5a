import type { Verdict } from '../checks/verdict.js';
import { REPORT_SCHEMA_VERSION, type RunReport, type StepReport, type TeamInfo } from '../reports/report.js';
import { rollUpCompetencies } from '../reports/competencies.js';
import { summarize } from '../reports/summarize.js';
import type { LoadedScenario } from '../scenarios/scenario.js';
import type { EnvironmentRecord } from './environment/environment-record.js';
import type { SerializedError } from './errors.js';
import { asLocalized, type Localized, t } from './i18n.js';
import { packageVersion } from './paths.js';
import type { RunPlan } from './plan/run-plan.js';
import { redactReport } from './redaction/redact-report.js';
import { MASK, type Redactor } from './redaction/redactor.js';
import type { StepRun } from './steps/run-steps.js';
import type { SubmissionInfo } from './submission/submission-info.js';
import { countOf } from './i18n/format.js';
import type { ReportImages } from './report-images/report-image.js';

/** Reports keep the end of each step's output: the traceback is there, and reports stay readable. */
const TAIL_CHARS = 4000;

export interface ReportParts {
  runId: string;
  startedAt: Date;
  scenario: LoadedScenario;
  submission: SubmissionInfo;
  team?: TeamInfo;
  sandbox: RunReport['sandbox'];
  environment?: EnvironmentRecord;
  assumptions: Localized[];
  plan?: RunPlan;
  stepRuns: StepRun[];
  verdicts: Verdict[];
  errors: SerializedError[];
  traceSummary: RunReport['trace'];
  /** Masks the secrets the run knows of (its .env values, database passwords) and secret formats. */
  redactor?: Redactor;
  /** The thumbnails of the team's saved figures and of the audited pages (runner/report-images). */
  images?: ReportImages;
}

/**
 * Assembles the canonical report; the only place that knows its shape besides the schema. Secrets are masked here,
 * once, so report.json and every rendering of it (JUnit, Markdown, the job summary, HTML) hold none.
 */
export function buildReport(parts: ReportParts): RunReport {
  const report = assemble(parts);
  if (!parts.redactor) return report;
  const before = parts.redactor.count;
  const redacted = redactReport(report, parts.redactor);
  const count = parts.redactor.count - before;
  if (count === 0) return redacted;
  return { ...redacted, assumptions: [...redacted.assumptions, redactionNotice(count)], redactions: { count } };
}

/** Exported for its tests: the notice agrees with the number of secrets masked. */
export function redactionNotice(count: number): Localized {
  return t(
    `${countOf(count, 'fr', 'secret masqué', 'secrets masqués')} par ${MASK} dans ce rapport : valeurs secrètes des fichiers .env du dépôt, mots de passe des bases de l’exécution, et formats connus (clés AWS, jetons GitHub, GitLab et Slack, JWT, clés privées, mots de passe dans les URL et les affectations « password=… »). Ne faites pas afficher de secrets par votre code.`,
    `${countOf(count, 'en', 'secret', 'secrets')} masked as ${MASK} in this report: secret values of the repository’s .env files, the run’s database passwords, and known formats (AWS keys, GitHub, GitLab and Slack tokens, JWTs, private keys, passwords in URLs and in “password=…” assignments). Do not let your code print secrets.`,
  );
}

function assemble(parts: ReportParts): RunReport {
  const finishedAt = new Date();
  const { scenario } = parts.scenario;
  const manual = scenario.manual.map((item) => ({ criteria: item.criteria, label: asLocalized(item.label) }));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'mspr-lab', version: packageVersion },
    runId: parts.runId,
    startedAt: parts.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - parts.startedAt.getTime(),
    scenario: { id: scenario.id, title: asLocalized(scenario.title), framework: scenario.framework, bloc: scenario.bloc, source: parts.scenario.source },
    submission: parts.submission,
    ...(parts.team ? { team: parts.team } : {}),
    sandbox: parts.sandbox,
    ...(parts.environment ? { environment: parts.environment } : {}),
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
      ...(record.result?.diskQuota ? { diskQuota: record.result.diskQuota } : {}),
      durationMs: record.result?.durationMs ?? 0,
      stdoutTail: tail(record.result?.stdout.text ?? ''),
      stderrTail: tail(record.result?.stderr.text ?? ''),
      outputBytes: { stdout: record.result?.stdout.bytes ?? 0, stderr: record.result?.stderr.bytes ?? 0 },
      outputTruncated: Boolean(record.result?.stdout.truncated || record.result?.stderr.truncated),
      ...(record.error ? { error: record.error } : {}),
      ...(record.failure ? { failure: record.failure } : {}),
      ...(record.notebook ? { notebook: record.notebook } : {}),
    })),
    trace: parts.traceSummary,
    verdicts: parts.verdicts,
    manual,
    errors: parts.errors,
    summary: summarize(parts.verdicts, parts.errors, scenario.scoring),
    competencies: rollUpCompetencies(scenario.framework, parts.verdicts, manual, scenario.scoring === 'partial'),
    ...(parts.images && (parts.images.shown.length > 0 || parts.images.notShown.length > 0) ? { images: parts.images } : {}),
  };
}

function tail(text: string): string {
  return text.length <= TAIL_CHARS ? text : `…${text.slice(-TAIL_CHARS)}`;
}
