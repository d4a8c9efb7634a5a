import { join } from 'node:path';
import type { Renderer } from '../../reports/renderer.js';
import type { RunReport } from '../../reports/report.js';
import { toSerializedError } from '../errors.js';
import { type Lang, type Localized, t } from '../i18n.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { makeDirectory } from '../output/make-directory.js';
import type { ProgressListener } from '../progress.js';
import type { BatchStore, TeamRow } from './batch-store.js';
import type { TeamExecutor, TeamJob } from './executor.js';
import { keyOfGraded } from './submission-key.js';

export interface GradeTeamContext {
  executor: TeamExecutor;
  store: BatchStore;
  outDir: string;
  renderers: Renderer[];
  scenarioDigest: string;
  /** The scenario's maximum (weights of its required checks): a team stopped before its checks is scored out of it too. */
  maxScore: number;
  lang: Lang;
}

/** `teams/<team>`, relative to the batch's output folder (team names are checked to be plain folder names). */
export const teamFolder = (team: string) => join('teams', team);

/**
 * Grades one team and commits its row, whatever happens: a crash of the grading, an unwritable report or
 * a bad repository becomes this team's `error` row with its reason, never an exception that stops the batch.
 */
export async function gradeTeam(job: TeamJob, context: GradeTeamContext, onProgress: ProgressListener): Promise<TeamRow> {
  const started = new Date();
  let report: RunReport | undefined;
  let reason: Localized | null = null;
  let reportPath: string | null = null;
  try {
    report = await context.executor.grade(job, onProgress);
    reportPath = writeTeamReports(job.entry.team, report, context);
  } catch (error) {
    reason = toSerializedError(error).message;
  }
  const finished = new Date();
  const row: Omit<TeamRow, 'gradings' | 'regradedAt'> = {
    team: job.entry.team,
    runId: report?.runId ?? null,
    scenarioDigest: context.scenarioDigest,
    // An error row is graded again on the next run (a clone that failed, a grader fault): only results are kept.
    submissionKey: report && report.summary.status !== 'error' ? keyOfGraded(report.submission, job.entry) : null,
    commit: report?.submission.commit ?? null,
    commitsAfterDeadline: report?.submission.commitsAfterDeadline ?? null,
    status: reason ? 'error' : report!.summary.status,
    score: report ? report.summary.score : 0,
    maxScore: report && report.verdicts.length > 0 ? report.summary.maxScore : context.maxScore,
    reason: reason ?? (report ? reasonOf(report) : null),
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    stepsMs: report ? report.steps.reduce((sum, step) => sum + step.durationMs, 0) : 0,
    report: reportPath,
  };
  // The store is the batch's own file: failing to write it is the batch's failure (it throws), not this team's.
  context.store.commitTeam(row, report);
  return { ...row, gradings: 0, regradedAt: null };
}

function writeTeamReports(team: string, report: RunReport, context: GradeTeamContext): string {
  const teamDir = join(context.outDir, teamFolder(team));
  makeDirectory(teamDir);
  for (const renderer of context.renderers) writeFileAtomic(join(teamDir, `report.${renderer.extension}`), renderer.render(report, context.lang));
  return join(teamFolder(team), 'report.json');
}

/**
 * Why a team did not pass, in one line for the gradebook: the run's first error; else the first step that
 * failed (time limit, crash: whose fault it is, in the classification's words), then the required checks not passed.
 */
export function reasonOf(report: RunReport): Localized | null {
  const error = report.errors[0];
  if (error) return error.message;
  const failure = report.steps.find((step) => step.failure)?.failure;
  const list = report.summary.requiredNotPassed.join(', ');
  const checks = list ? t(`Vérifications obligatoires non réussies : ${list}.`, `Required checks not passed: ${list}.`) : undefined;
  if (failure && checks) return t(`${failure.message.fr} ${checks.fr}`, `${failure.message.en} ${checks.en}`);
  return failure?.message ?? checks ?? null;
}
