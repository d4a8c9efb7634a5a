import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Renderer } from '../../reports/renderer.js';
import type { LoadedScenario } from '../../scenarios/scenario.js';
import { MsprError } from '../errors.js';
import { type Lang, t } from '../i18n.js';
import { onShutdown } from '../shutdown.js';
import type { BatchProgress } from './batch-progress.js';
import { BatchStore } from './batch-store.js';
import type { BatchSummary } from './batch-summary.js';
import { runPool, type TeamExecutor } from './executor.js';
import { gradeTeam, teamFolder } from './grade-team.js';
import type { CsvDialect } from './gradebook.js';
import type { Roster } from './roster.js';
import { probeSubmissionKey } from './submission-key.js';
import { writeBatchOutputs } from './write-batch-outputs.js';

export interface BatchOptions {
  roster: Roster;
  scenario: LoadedScenario;
  outDir: string;
  executor: TeamExecutor;
  concurrency: number;
  /** The batch's deadline, for teams whose roster row gives none. */
  deadline?: string;
  /** `--team`: grade only these, even if unchanged (their rows are replaced, never duplicated). */
  only?: string[];
  renderers: Renderer[];
  csvDialect: CsvDialect;
  lang: Lang;
  progress: BatchProgress;
  /** Grader-owned scratch space (probe clones). */
  scratchDir: string;
}

export interface BatchOutcome {
  summary: BatchSummary;
  files: string[];
  graded: string[];
  skipped: string[];
}

/**
 * Grades a roster into `<out>`: teams already graded with the same scenario and the same commit (or folder
 * contents) are kept, the others are graded `concurrency` at a time, each committed to the store as it ends.
 * On Ctrl-C the teams in flight are lost (their sandboxes cleaned up) and the outputs are written from what
 * was committed; running the same command again resumes.
 */
export async function runBatch(options: BatchOptions): Promise<BatchOutcome> {
  const store = new BatchStore(join(options.outDir, 'batch.sqlite'));
  const scratch = mkdtempSync(join(options.scratchDir, 'mspr-batch-'));
  let stopped = false;
  const offShutdown = onShutdown(async () => {
    stopped = true;
    await writeBatchOutputs(store, options.outDir, options.lang, options.csvDialect).catch(() => undefined);
    store.release();
  });
  let claimed = false;
  try {
    store.claim();
    claimed = true;
    const digest = scenarioDigest(options.scenario);
    const unknown = (options.only ?? []).filter((team) => !options.roster.entries.some((e) => e.team === team));
    if (unknown.length > 0) throw notInRoster(unknown);
    store.setBatch({ scenarioId: options.scenario.scenario.id, scenarioDigest: digest, scenarioSource: options.scenario.source, roster: options.roster.source, options: { deadline: options.deadline ?? null, concurrency: options.concurrency, executor: options.executor.name, csvDialect: options.csvDialect } });
    store.setTeams(options.roster.entries);
    const entries = options.only ? options.roster.entries.filter((e) => options.only!.includes(e.team)) : options.roster.entries;
    const graded: string[] = [];
    const skipped: string[] = [];
    options.progress.start(entries.length);
    await runPool(
      entries,
      options.concurrency,
      async (entry) => {
        const deadline = entry.deadline ?? options.deadline;
        const previous = store.run(entry.team);
        if (!options.only && previous && previous.scenarioDigest === digest && previous.submissionKey && (await probeSubmissionKey(entry, deadline, scratch)) === previous.submissionKey) {
          skipped.push(entry.team);
          options.progress.teamSkipped(entry.team);
          return;
        }
        options.progress.teamStarted(entry.team);
        const job = { entry, deadline, evidenceDir: join(options.outDir, teamFolder(entry.team), 'evidence') };
        const context = { executor: options.executor, store, outDir: options.outDir, renderers: options.renderers, scenarioDigest: digest, maxScore: scenarioMaxScore(options.scenario), lang: options.lang };
        const row = await gradeTeam(job, context, (event) => options.progress.teamEvent(entry.team, event));
        graded.push(entry.team);
        options.progress.teamFinished(row);
      },
      () => stopped,
    );
    options.progress.end();
    const { summary, files } = await writeBatchOutputs(store, options.outDir, options.lang, options.csvDialect);
    return { summary, files, graded, skipped };
  } finally {
    offShutdown();
    rmSync(scratch, { recursive: true, force: true });
    // Never drop the claim of another living batch that refused this one.
    if (claimed) store.release();
    store.close();
  }
}

/** What the verdicts depend on in the scenario: its whole definition (checks, options, steps, limits). */
export function scenarioDigest(scenario: LoadedScenario): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(scenario.scenario)).digest('hex')}`;
}

/** As reports/summarize.ts counts it: the weights of the required checks (weight 1, required by default). */
export function scenarioMaxScore(scenario: LoadedScenario): number {
  return scenario.scenario.checks.filter((use) => use.required ?? true).reduce((sum, use) => sum + (use.weight ?? 1), 0);
}

function notInRoster(teams: string[]): MsprError {
  return new MsprError('MSPR_BATCH_INVALID', t(`Équipe absente de la liste : ${teams.join(', ')}.`, `Team not in the roster: ${teams.join(', ')}.`), {
    hint: t('Donnez à --team un nom de la colonne team de la liste (ou un sous-dossier du dossier donné).', 'Give --team a name from the roster’s team column (or a subfolder of the given folder).'),
  });
}
