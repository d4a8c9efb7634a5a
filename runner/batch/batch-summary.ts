import { COMPETENCY_WORDS, type CompetencyStatus } from '../../reports/competencies.js';
import type { Localized } from '../i18n.js';
import { packageVersion } from '../paths.js';
import type { BatchStore, TeamRow } from './batch-store.js';

export const BATCH_SCHEMA_VERSION = '1';

/** One team in `batch.json`: its row, its competency statuses and check statuses, by id. */
export interface BatchTeam {
  team: string;
  members: string[];
  source: string;
  /** `not-graded`: in the roster, no result yet (the batch was interrupted before it). */
  status: TeamRow['status'] | 'not-graded';
  score: number | null;
  maxScore: number | null;
  commit: string | null;
  commitsAfterDeadline: number | null;
  reason: Localized | null;
  report: string | null;
  durationMs: number | null;
  gradings: number;
  competencies: Record<string, CompetencyStatus>;
  checks: Record<string, string>;
}

/** `batch.json`, the canonical result of a batch: the gradebook and the overview render it. */
export interface BatchSummary {
  schemaVersion: typeof BATCH_SCHEMA_VERSION;
  tool: { name: 'mspr-lab'; version: string };
  scenario: { id: string; source: string; digest: string };
  roster: string;
  startedAt: string;
  updatedAt: string;
  teams: BatchTeam[];
  totals: { teams: number; pass: number; fail: number; error: number; notGraded: number };
  /** Per criterion code: how many teams have each status. */
  distribution: Record<string, Record<CompetencyStatus, number>>;
}

export function summarizeBatch(store: BatchStore): BatchSummary {
  const batch = store.batch();
  const runs = new Map(store.runs().map((run) => [run.team, run]));
  const competencies = store.competencies();
  const verdicts = store.verdicts();
  const teams = store.teams().map((entry): BatchTeam => {
    const run = runs.get(entry.team);
    return {
      team: entry.team,
      members: entry.members,
      source: entry.source,
      status: run?.status ?? 'not-graded',
      score: run?.score ?? null,
      maxScore: run?.maxScore ?? null,
      commit: run?.commit ?? null,
      commitsAfterDeadline: run?.commitsAfterDeadline ?? null,
      reason: run?.reason ?? null,
      report: run?.report ?? null,
      durationMs: run?.durationMs ?? null,
      gradings: run?.gradings ?? 0,
      competencies: Object.fromEntries(competencies.filter((c) => c.team === entry.team).map((c) => [c.code, c.status as CompetencyStatus])),
      checks: Object.fromEntries(verdicts.filter((v) => v.team === entry.team).map((v) => [v.id, v.status])),
    };
  });
  const distribution: BatchSummary['distribution'] = {};
  for (const c of competencies) {
    const counts = (distribution[c.code] ??= Object.fromEntries(Object.keys(COMPETENCY_WORDS.en).map((s) => [s, 0])) as Record<CompetencyStatus, number>);
    counts[c.status as CompetencyStatus] += 1;
  }
  const count = (status: BatchTeam['status']) => teams.filter((team) => team.status === status).length;
  return {
    schemaVersion: BATCH_SCHEMA_VERSION,
    tool: { name: 'mspr-lab', version: packageVersion },
    scenario: { id: batch?.scenarioId ?? '', source: batch?.scenarioSource ?? '', digest: batch?.scenarioDigest ?? '' },
    roster: batch?.roster ?? '',
    startedAt: batch?.startedAt ?? '',
    updatedAt: batch?.updatedAt ?? '',
    teams,
    totals: { teams: teams.length, pass: count('pass'), fail: count('fail'), error: count('error'), notGraded: count('not-graded') },
    distribution,
  };
}
