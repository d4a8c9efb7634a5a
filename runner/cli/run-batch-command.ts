import { availableParallelism, tmpdir } from 'node:os';
import { renderersFor } from '../../reports/registry.js';
import { loadScenario } from '../../scenarios/load-scenario.js';
import { withDatabaseKind } from '../../scenarios/override-database.js';
import { consoleBatchProgress, silentBatchProgress } from '../batch/batch-progress.js';
import type { BatchSummary } from '../batch/batch-summary.js';
import { defaultConcurrency, localExecutor } from '../batch/local-executor.js';
import { readRoster } from '../batch/read-roster.js';
import { runBatch } from '../batch/run-batch.js';
import { resolveEnvironmentSettings } from '../environment/environment-settings.js';
import { MsprError } from '../errors.js';
import { type Lang, pick, t } from '../i18n.js';
import { prepareOutputFolder } from '../output/prepare-output.js';
import { selectServices } from '../services/select-services.js';
import { resolveGraderLimits, resolvePython, resolveWorkRoot } from '../settings.js';
import { parseDeadline } from '../submission/parse-deadline.js';
import { terminalLine } from '../../reports/safe-text.js';
import type { BatchCommandOptions } from './batch-command.js';
import { EXIT } from './exit-codes.js';

/** `mspr-lab batch`: read the roster, grade it into --out, print the final table; returns the exit code. */
export async function runBatchCommand(rosterPath: string, options: BatchCommandOptions, lang: Lang): Promise<number> {
  // Every input is checked before any team is cloned.
  const renderers = renderersFor(['json', ...options.format.split(',').map((f) => f.trim()).filter(Boolean)]);
  if (options.deadline !== undefined) parseDeadline(options.deadline);
  const roster = readRoster(rosterPath);
  const loaded = await loadScenario(options.scenario);
  const scenario = options.database ? withDatabaseKind(loaded, options.database) : loaded;
  const jobs = options.jobs === undefined ? defaultConcurrency(availableParallelism(), scenario.scenario.sandbox.cpus) : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    throw new MsprError('MSPR_BATCH_INVALID', t(`-j ${options.jobs} : un nombre entier d’équipes à la fois est attendu, de 1 à 64.`, `-j ${options.jobs}: a whole number of teams at once is expected, from 1 to 64.`));
  }
  const outDir = prepareOutputFolder(options.out, '--out');
  const workRoot = prepareOutputFolder(resolveWorkRoot(options.workDir), '--work-dir');
  const executor = localExecutor({
    scenario,
    sandbox: options.sandbox,
    python: resolvePython(options.python),
    lang,
    workRoot,
    services: selectServices(options.services ?? 'auto'),
    environment: resolveEnvironmentSettings({ pipIndex: options.pipIndex, pipTrustedHost: options.pipTrustedHost?.split(','), wheelhouse: options.wheelhouse, allowSdist: options.allowSdist }),
    limits: resolveGraderLimits(),
  });
  const outcome = await runBatch({
    roster,
    scenario,
    outDir,
    executor,
    concurrency: jobs,
    deadline: options.deadline,
    only: options.team?.split(',').map((name) => name.trim()).filter(Boolean),
    renderers,
    csvDialect: options.csvDialect,
    lang,
    progress: options.quiet ? silentBatchProgress : consoleBatchProgress(lang),
    scratchDir: tmpdir(),
  });
  process.stdout.write(`${finalTable(outcome.summary, lang)}\n${outcome.files.join('\n')}\n`);
  return exitCodeOf(outcome.summary);
}

/** The worst team decides: a team not graded (error, interrupted) is 2, any fail 1, all pass 0. */
export function exitCodeOf(summary: BatchSummary): number {
  const { totals } = summary;
  if (totals.error > 0 || totals.notGraded > 0) return EXIT.error;
  return totals.fail > 0 ? EXIT.fail : EXIT.pass;
}

function finalTable(summary: BatchSummary, lang: Lang): string {
  const width = Math.max(4, ...summary.teams.map((team) => team.team.length));
  const lines = summary.teams.map((team) => {
    const score = team.score === null ? '–' : `${Math.round(team.score * 100) / 100}/${team.maxScore}`;
    const why = team.status === 'error' && team.reason ? `  ${terminalLine(pick(team.reason, lang)).slice(0, 120)}` : '';
    return `${team.team.padEnd(width)}  ${team.status.padEnd(10)}  ${score.padStart(9)}${why}`;
  });
  const { totals } = summary;
  const total = lang === 'fr'
    ? `${totals.teams} équipes : ${totals.pass} réussies, ${totals.fail} échouées, ${totals.error} en erreur${totals.notGraded > 0 ? `, ${totals.notGraded} non évaluées` : ''}.`
    : `${totals.teams} teams: ${totals.pass} passed, ${totals.fail} failed, ${totals.error} errored${totals.notGraded > 0 ? `, ${totals.notGraded} not graded` : ''}.`;
  return [...lines, total].join('\n');
}
