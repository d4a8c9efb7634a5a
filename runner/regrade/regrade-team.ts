import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from '../../checks/verdict.js';
import { rollUpCompetencies } from '../../reports/competencies.js';
import { migrateReport } from '../../reports/migrate-report.js';
import type { RunReport } from '../../reports/report.js';
import { summarize } from '../../reports/summarize.js';
import type { LoadedScenario } from '../../scenarios/scenario.js';
import { assembleEvidence } from '../check-phase/assemble-evidence.js';
import { judgeEvidence } from '../check-phase/judge-evidence.js';
import type { ServiceEndpoint } from '../evidence/db/service-endpoint.js';
import { MsprError } from '../errors.js';
import { asLocalized, type Lang, type Localized, t } from '../i18n.js';
import { readKeptEvidence } from '../kept-evidence/read-kept-evidence.js';
import { replayInspector } from '../kept-evidence/replay-inspector.js';
import { inputChanges, type RunInputs } from '../kept-evidence/run-inputs.js';
import { silentProgress } from '../progress.js';
import { redactReport } from '../redaction/redact-report.js';
import { createRedactor } from '../redaction/redactor.js';
import { envTextSecrets } from '../redaction/env-file-secrets.js';
import { workspaceSecrets } from '../redaction/run-secrets.js';
import type { GraderLimits } from '../settings.js';
import { readStaticFacts } from '../static/read-static-facts.js';
import { withStaticFacts } from '../tracer/trace-index.js';
import { splitLiveChecks } from './live-checks.js';

export interface RegradeTeamInput {
  team: string;
  /** `<out>/teams/<team>`: its report.json and evidence/. */
  teamDir: string;
  scenario: LoadedScenario;
  /** The scenario's run inputs (steps, sandbox, services, dataset bytes), computed once for the batch. */
  inputs: RunInputs;
  /** The scenario's datasets, placed once for the batch (read-only). */
  datasetsDir: string;
  python: string;
  lang: Lang;
  limits: GraderLimits;
  scratchDir: string;
}

/** A team judged again (its new report, notes for the regrade's list), or why it could not be. */
export type TeamRegrade = { regraded: true; before: RunReport; report: RunReport; notes: Localized[] } | { regraded: false; why: Localized };

/**
 * Judges one team again on what its batch kept: the same check phase as a run (assemble → static reading →
 * checks), fed from `evidence/` instead of a sandbox. The team's code is never started; a scenario whose steps,
 * sandbox, services or datasets changed would have given other outputs, so such a team is not re-graded.
 */
export async function regradeTeam(input: RegradeTeamInput): Promise<TeamRegrade> {
  const { team, scenario } = input;
  let before: RunReport;
  try {
    before = readPreviousReport(input.teamDir, team);
    const kept = readKeptEvidence(join(input.teamDir, 'evidence'), team);
    const changed = inputChanges(kept.run.inputs, input.inputs);
    if (changed.length > 0) return { regraded: false, why: needsRunBecause(changed, team) };

    const scratch = mkdtempSync(join(input.scratchDir, `regrade-${team}-`));
    try {
      const endpoints = new Map<string, ServiceEndpoint>(kept.run.endpoints.map((e) => [e.serviceId, { ...e }]));
      const notes: Localized[] = [];
      const assembled = assembleEvidence({
        scenario,
        workspaceDir: kept.workspaceDir,
        datasetsDir: input.datasetsDir,
        scratchDir: scratch,
        steps: kept.run.steps,
        trace: kept.trace,
        submission: kept.run.submission,
        manifest: kept.run.manifest ?? undefined,
        endpoints,
        unwritten: new Set(kept.run.unwritten),
        readLimits: input.limits.read,
        note: (text) => notes.push(text),
        environment: kept.run.environment,
        ...(kept.run.committed ? { committed: new Map(Object.entries(kept.run.committed)) } : {}),
        // The run's server is gone: its answers are replayed; a question it was never asked is an error verdict.
        openServer: async (endpoint) => {
          const database = kept.databases.get(endpoint.serviceId);
          if (!database) throw notOpened(endpoint.serviceId, team);
          return replayInspector(database, team);
        },
      });
      const facts = await readStaticFacts({ workspace: assembled.workspace, steps: kept.run.steps, python: input.python });
      const evidence = { ...assembled, trace: withStaticFacts(kept.trace, facts) };
      const split = await splitLiveChecks(scenario.scenario.checks, kept.run.checks, before.verdicts, team);
      const judged = await judgeEvidence(split.judged.map((j) => j.use), evidence, input.limits.checks, input.lang, silentProgress);
      const verdicts: Verdict[] = new Array(scenario.scenario.checks.length);
      split.judged.forEach((j, i) => (verdicts[j.index] = judged[i]!));
      for (const s of split.settled) verdicts[s.index] = s.verdict;
      // Said in the regrade's list too: a verdict reading one of these files may now miss it.
      const files = kept.run.notKept.map((f) => f.path).join(', ');
      const notKept = files ? [t(`Fichiers non conservés (au-delà des plafonds), absents pour la réévaluation : ${files}.`, `Files not kept (over the caps), missing for the regrade: ${files}.`)] : [];
      // The committed .env the run's one replaced holds the team's values: masked too.
      const committedSecrets = Object.values(kept.run.committed ?? {}).flatMap((text) => (text ? envTextSecrets(text) : []));
      const report = rebuildReport(before, scenario, verdicts, [...notes, ...split.notes, ...notKept], [...workspaceSecrets(kept.workspaceDir), ...committedSecrets]);
      return { regraded: true, before, report, notes: [...split.notes, ...notKept] };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  } catch (error) {
    if (error instanceof MsprError) return { regraded: false, why: error.text };
    return { regraded: false, why: t(`Réévaluation impossible : ${(error as Error).message}`, `Cannot re-grade: ${(error as Error).message}`) };
  }
}

/** The run's report with the new verdicts, and everything derived from them, in place of the old ones. */
function rebuildReport(before: RunReport, loaded: LoadedScenario, verdicts: Verdict[], notes: Localized[], secrets: string[]): RunReport {
  const { scenario } = loaded;
  const manual = scenario.manual.map((item) => ({ criteria: item.criteria, label: asLocalized(item.label) }));
  const regraded = t(
    `Réévalué sur les preuves conservées de l’exécution ${before.runId}, sans relancer le code de l’équipe (scénario ${loaded.source}).`,
    `Re-graded on the kept evidence of run ${before.runId}, without running the team’s code again (scenario ${loaded.source}).`,
  );
  const known = new Set(before.assumptions.map((a) => a.en));
  const assumptions = [...before.assumptions, ...[...notes, regraded].filter((note) => !known.has(note.en) && known.add(note.en))];
  const report: RunReport = {
    ...before,
    scenario: { id: scenario.id, title: asLocalized(scenario.title), framework: scenario.framework, bloc: scenario.bloc, source: loaded.source },
    assumptions,
    verdicts,
    manual,
    summary: summarize(verdicts, before.errors, scenario.scoring),
    competencies: rollUpCompetencies(scenario.framework, verdicts, manual, scenario.scoring === 'partial'),
  };
  // New messages may quote the team's files again: masked as the run masked them (its .env values, known formats).
  return redactReport(report, createRedactor(secrets));
}

function readPreviousReport(teamDir: string, team: string): RunReport {
  const file = join(teamDir, 'report.json');
  if (!existsSync(file)) throw new MsprError('MSPR_REGRADE_NEEDS_RUN', t(`Réévaluation impossible pour l’équipe ${team} : pas de rapport (${file}).`, `Cannot re-grade team ${team}: no report (${file}).`));
  try {
    const report = migrateReport(JSON.parse(readFileSync(file, 'utf8'))) as RunReport;
    if (!Array.isArray(report.verdicts) || !Array.isArray(report.assumptions)) throw new Error('not a report');
    return report;
  } catch (error) {
    throw new MsprError('MSPR_REGRADE_NEEDS_RUN', t(`Réévaluation impossible pour l’équipe ${team} : rapport illisible (report.json : ${(error as Error).message}).`, `Cannot re-grade team ${team}: unreadable report (report.json: ${(error as Error).message}).`));
  }
}

function needsRunBecause(changes: Localized[], team: string): Localized {
  const fr = changes.map((c) => c.fr).join(' ; ');
  const en = changes.map((c) => c.en).join('; ');
  return t(
    `Non réévaluée : ${fr}. Les sorties de l’équipe auraient été autres ; relancez-la : mspr-lab batch … --team ${team}.`,
    `Not re-graded: ${en}. The team’s outputs would have been different; run it again: mspr-lab batch … --team ${team}.`,
  );
}

function notOpened(serviceId: string, team: string): MsprError {
  return new MsprError(
    'MSPR_REGRADE_NEEDS_RUN',
    t(
      `Réévaluation impossible sans relancer l’équipe : la base ${serviceId} n’a pas été lue pendant l’exécution, et son serveur n’existe plus.`,
      `Cannot re-grade without running the team again: the database ${serviceId} was not read during the run, and its server is gone.`,
    ),
    { hint: t(`Relancez cette équipe : mspr-lab batch … --team ${team}.`, `Run this team again: mspr-lab batch … --team ${team}.`) },
  );
}
