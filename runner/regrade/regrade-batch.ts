import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../reports/report.js';
import type { LoadedScenario } from '../../scenarios/scenario.js';
import { BatchStore, type TeamRow } from '../batch/batch-store.js';
import type { BatchSummary } from '../batch/batch-summary.js';
import { reasonOf, teamFolder } from '../batch/grade-team.js';
import type { CsvDialect } from '../batch/gradebook.js';
import { scenarioDigest } from '../batch/run-batch.js';
import { writeBatchOutputs } from '../batch/write-batch-outputs.js';
import { MsprError } from '../errors.js';
import { type Lang, t } from '../i18n.js';
import { runInputsOf } from '../kept-evidence/run-inputs.js';
import type { GraderLimits } from '../settings.js';
import { makeDatasetsRemovable, placeDatasets } from '../submission/place-datasets.js';
import { regradeTeam } from './regrade-team.js';
import type { RegradeProgress } from './regrade-progress.js';
import { type TeamRegradeOutcome, writeRegradeOutputs } from './regrade-outputs.js';
import { verdictChanges } from './verdict-changes.js';
import { writeTeamReports } from './write-team-reports.js';

export interface RegradeOptions {
  outDir: string;
  /** The scenario to judge with: a changed copy (`-s`), or the one the batch was graded with. */
  scenario: LoadedScenario;
  /** `--team`: only these. */
  only?: string[];
  python: string;
  lang: Lang;
  limits: GraderLimits;
  progress: RegradeProgress;
  scratchDir: string;
}

export interface RegradeOutcome {
  teams: TeamRegradeOutcome[];
  summary: BatchSummary;
  files: string[];
}

/** The store of a batch folder, refused when there is none (a regrade never creates a batch). */
export function openBatchStore(outDir: string): BatchStore {
  const path = join(outDir, 'batch.sqlite');
  if (!existsSync(path)) {
    throw new MsprError('MSPR_BATCH_INVALID', t(`Aucun lot dans ${outDir} (batch.sqlite absent).`, `No batch in ${outDir} (no batch.sqlite).`), {
      hint: t('Donnez le dossier --out d’un mspr-lab batch.', 'Give the --out folder of a mspr-lab batch.'),
    });
  }
  return new BatchStore(path);
}

/**
 * Re-judges every graded team of a batch folder on its kept evidence, commits each team's new result (its
 * grading count unchanged, `regradedAt` stamped), re-renders its reports and the batch's outputs, and lists the
 * verdicts that changed. Teams that cannot be re-judged keep their verdicts, become `error` rows saying why,
 * and keep the scenario they were graded with, so the next `batch` with the new scenario runs exactly them.
 */
export async function runRegrade(options: RegradeOptions): Promise<RegradeOutcome> {
  const store = openBatchStore(options.outDir);
  const scratch = mkdtempSync(join(options.scratchDir, 'mspr-regrade-'));
  const datasetsDir = join(scratch, 'datasets');
  let claimed = false;
  try {
    store.claim();
    claimed = true;
    const batch = store.batch();
    if (!batch) throw new MsprError('MSPR_BATCH_INVALID', t(`Le lot de ${options.outDir} n’a jamais démarré.`, `The batch in ${options.outDir} never started.`));
    const entries = store.teams();
    const unknown = (options.only ?? []).filter((team) => !entries.some((e) => e.team === team));
    if (unknown.length > 0) throw new MsprError('MSPR_BATCH_INVALID', t(`Équipe absente du lot : ${unknown.join(', ')}.`, `Team not in the batch: ${unknown.join(', ')}.`));
    const chosen = options.only ? entries.filter((e) => options.only!.includes(e.team)) : entries;

    const digest = scenarioDigest(options.scenario);
    const inputs = runInputsOf(options.scenario);
    await placeDatasets(options.scenario, datasetsDir, join(scratch, 'unused'), undefined);
    const partial = options.scenario.scenario.scoring === 'partial';
    const outcomes: TeamRegradeOutcome[] = [];
    options.progress.start(chosen.length);
    for (const entry of chosen) {
      const started = Date.now();
      const row = store.run(entry.team);
      const outcome = await regradeOne(entry.team, row, { ...options, store, datasetsDir, inputs, digest, partial, scratch });
      outcomes.push(outcome);
      options.progress.team(outcome, Date.now() - started);
    }
    options.progress.end();
    // The batch stands for the new scenario once some team was judged with it (the others keep their own digest).
    if (outcomes.some((o) => o.outcome === 'regraded')) store.setBatch({ ...batch, scenarioId: options.scenario.scenario.id, scenarioDigest: digest, scenarioSource: options.scenario.source });
    const { summary, files } = await writeBatchOutputs(store, options.outDir, options.lang, dialectOf(batch.options, options.outDir));
    const written = writeRegradeOutputs(outcomes, { outDir: options.outDir, before: batch.scenarioSource, after: options.scenario.source, dialect: dialectOf(batch.options, options.outDir), lang: options.lang });
    return { teams: outcomes, summary, files: [...files, ...written] };
  } finally {
    await makeDatasetsRemovable(datasetsDir);
    rmSync(scratch, { recursive: true, force: true });
    if (claimed) store.release();
    store.close();
  }
}

interface TeamContext extends RegradeOptions {
  store: BatchStore;
  datasetsDir: string;
  inputs: ReturnType<typeof runInputsOf>;
  digest: string;
  partial: boolean;
  scratch: string;
}

async function regradeOne(team: string, row: TeamRow | undefined, context: TeamContext): Promise<TeamRegradeOutcome> {
  const base = { team, statusBefore: row?.status ?? null, scoreBefore: row?.score ?? null, maxScoreBefore: row?.maxScore ?? null, changes: [], notes: [] };
  if (!row) return { ...base, outcome: 'not-graded', statusAfter: null, scoreAfter: null, maxScoreAfter: null, why: t('pas encore évaluée : lancez mspr-lab batch.', 'not graded yet: run mspr-lab batch.') };
  if (!row.report || context.store.verdicts(team).length === 0) {
    // A clone that failed, a run that never reached its checks: nothing was kept, its row already says why.
    const why = t(`rien à réévaluer, l’exécution n’a pas atteint ses vérifications (${row.reason?.fr ?? 'erreur'}).`, `nothing to re-grade, the run did not reach its checks (${row.reason?.en ?? 'error'}).`);
    return { ...base, outcome: 'not-regraded', statusAfter: row.status, scoreAfter: row.score, maxScoreAfter: row.maxScore, why };
  }
  const teamDir = join(context.outDir, teamFolder(team));
  const result = await regradeTeam({ team, teamDir, scenario: context.scenario, inputs: context.inputs, datasetsDir: context.datasetsDir, python: context.python, lang: context.lang, limits: context.limits, scratchDir: context.scratch });
  const verdictsBefore = context.store.verdicts(team);
  if (!result.regraded) {
    const reason = t(`${result.why.fr} Les verdicts affichés sont ceux de l’évaluation précédente.`, `${result.why.en} The verdicts shown are those of the earlier grading.`);
    context.store.commitTeam({ ...withoutCounts(row), status: 'error', reason }, previousReport(teamDir), { regrade: true });
    return { ...base, outcome: 'not-regraded', statusAfter: 'error', scoreAfter: row.score, maxScoreAfter: row.maxScore, why: result.why };
  }
  const report = result.report;
  writeTeamReports(teamDir, report, context.lang);
  const maxScore = report.verdicts.length > 0 ? report.summary.maxScore : row.maxScore;
  context.store.commitTeam({ ...withoutCounts(row), scenarioDigest: context.digest, status: report.summary.status, score: report.summary.score, maxScore, reason: reasonOf(report) }, report, { regrade: true });
  return {
    ...base,
    outcome: 'regraded',
    statusAfter: report.summary.status,
    scoreAfter: report.summary.score,
    maxScoreAfter: maxScore,
    changes: verdictChanges(verdictsBefore, report.verdicts, context.partial),
    notes: result.notes,
  };
}

function withoutCounts(row: TeamRow): Omit<TeamRow, 'gradings' | 'regradedAt'> {
  const { gradings: _g, regradedAt: _r, ...rest } = row;
  return rest;
}

/** The team's report as it stands, to keep its verdicts in the store when it is not re-graded (none if unreadable). */
function previousReport(teamDir: string): RunReport | undefined {
  try {
    return JSON.parse(readFileSync(join(teamDir, 'report.json'), 'utf8')) as RunReport;
  } catch {
    return undefined;
  }
}

/** The gradebook's dialect as the batch wrote it: recorded in the store, else read from the file's BOM. */
function dialectOf(options: Record<string, unknown>, outDir: string): CsvDialect {
  if (options.csvDialect === 'excel-fr' || options.csvDialect === 'rfc4180') return options.csvDialect;
  const file = join(outDir, 'gradebook.csv');
  return existsSync(file) && readFileSync(file, 'utf8').startsWith('\ufeff') ? 'excel-fr' : 'rfc4180';
}
