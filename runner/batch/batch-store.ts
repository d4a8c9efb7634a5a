import Database from 'better-sqlite3';
import type { RunReport } from '../../reports/report.js';
import { MsprError } from '../errors.js';
import { type Localized, t } from '../i18n.js';
import { isRunning, type ProcessIdentity, selfIdentity } from '../workdir/process-identity.js';
import type { RosterEntry } from './roster.js';

const STORE_VERSION = '1';

/** One team's graded result as the store keeps it (one row per team: re-grading replaces it). */
export interface TeamRow {
  team: string;
  runId: string | null;
  scenarioDigest: string;
  submissionKey: string | null;
  commit: string | null;
  commitsAfterDeadline: number | null;
  status: 'pass' | 'fail' | 'error';
  score: number | null;
  maxScore: number | null;
  reason: Localized | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Time spent in the team's own steps: the rest of `durationMs` is the grader's overhead. */
  stepsMs: number;
  /** `teams/<team>/report.json`, relative to the output folder; null when no report could be made. */
  report: string | null;
  /** How many times this team's result was committed (a resumed batch must leave it at 1). */
  gradings: number;
  regradedAt: string | null;
}

export interface StoredVerdict {
  team: string;
  id: string;
  checkId: string;
  status: string;
  score: number;
  weight: number;
  required: boolean;
  message: Localized;
}

export interface StoredCompetency {
  team: string;
  ref: string;
  code: string;
  status: string;
  score: number;
  maxScore: number;
}

/**
 * The batch's state, in `<out>/batch.sqlite` (better-sqlite3, WAL): the batch, its teams, one run row per team,
 * their verdicts and competency statuses. Each team's result is one transaction, committed when the team
 * finishes: a `kill -9` loses only the teams in flight, and a second batch on the same folder is refused while
 * the first is alive.
 */
export class BatchStore {
  readonly db: Database.Database;

  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('version', ?)").run(STORE_VERSION);
  }

  /** Marks this process as the batch's owner; refused while another living mspr-lab process owns it. */
  claim(): void {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'owner'").get() as { value: string } | undefined;
    if (row) {
      const owner = JSON.parse(row.value) as ProcessIdentity;
      if (owner.pid !== process.pid && isRunning(owner)) {
        throw new MsprError('MSPR_BATCH_INVALID', t(`Un autre lot (processus ${owner.pid}) travaille déjà dans ce dossier.`, `Another batch (process ${owner.pid}) is already working in this folder.`), {
          hint: t('Attendez sa fin, ou donnez un autre --out.', 'Wait for it to end, or give another --out.'),
        });
      }
    }
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('owner', ?)").run(JSON.stringify(selfIdentity()));
  }

  release(): void {
    this.db.prepare("DELETE FROM meta WHERE key = 'owner'").run();
  }

  setBatch(values: { scenarioId: string; scenarioDigest: string; scenarioSource: string; roster: string; options: Record<string, unknown> }): void {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO batch (id, scenario_id, scenario_digest, scenario_source, roster, options, started_at, updated_at) VALUES (1, @scenarioId, @scenarioDigest, @scenarioSource, @roster, @options, @now, @now)
         ON CONFLICT (id) DO UPDATE SET scenario_id = @scenarioId, scenario_digest = @scenarioDigest, scenario_source = @scenarioSource, roster = @roster, options = @options, updated_at = @now`,
      )
      .run({ ...values, options: JSON.stringify(values.options), now });
  }

  batch(): { scenarioId: string; scenarioDigest: string; scenarioSource: string; roster: string; options: Record<string, unknown>; startedAt: string; updatedAt: string } | undefined {
    const row = this.db.prepare('SELECT * FROM batch WHERE id = 1').get() as Record<string, string> | undefined;
    if (!row) return undefined;
    return { scenarioId: row.scenario_id!, scenarioDigest: row.scenario_digest!, scenarioSource: row.scenario_source!, roster: row.roster!, options: JSON.parse(row.options!), startedAt: row.started_at!, updatedAt: row.updated_at! };
  }

  /** The roster as last read: teams in its order; teams no longer listed are dropped with their results. */
  setTeams(entries: readonly RosterEntry[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO teams (team, position, members, source, ref, deadline, manifest) VALUES (@team, @position, @members, @source, @ref, @deadline, @manifest)
       ON CONFLICT (team) DO UPDATE SET position = @position, members = @members, source = @source, ref = @ref, deadline = @deadline, manifest = @manifest`,
    );
    this.db.transaction(() => {
      entries.forEach((e, position) => upsert.run({ team: e.team, position, members: JSON.stringify(e.members), source: e.source, ref: e.ref ?? null, deadline: e.deadline ?? null, manifest: e.manifest ?? null }));
      const names = entries.map((e) => e.team);
      for (const table of ['verdicts', 'competencies', 'runs', 'teams']) this.db.prepare(`DELETE FROM ${table} WHERE team NOT IN (SELECT value FROM json_each(?))`).run(JSON.stringify(names));
    })();
  }

  teams(): RosterEntry[] {
    const rows = this.db.prepare('SELECT * FROM teams ORDER BY position').all() as Array<Record<string, string | null>>;
    return rows.map((r) => ({ team: r.team!, source: r.source!, members: JSON.parse(r.members ?? '[]'), ...(r.ref ? { ref: r.ref } : {}), ...(r.deadline ? { deadline: r.deadline } : {}), ...(r.manifest ? { manifest: r.manifest } : {}) }));
  }

  run(team: string): TeamRow | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE team = ?').get(team) as Record<string, unknown> | undefined;
    return row ? toTeamRow(row) : undefined;
  }

  runs(): TeamRow[] {
    return (this.db.prepare('SELECT runs.* FROM runs JOIN teams USING (team) ORDER BY teams.position').all() as Array<Record<string, unknown>>).map(toTeamRow);
  }

  verdicts(team?: string): StoredVerdict[] {
    const rows = (team ? this.db.prepare('SELECT * FROM verdicts WHERE team = ? ORDER BY position').all(team) : this.db.prepare('SELECT * FROM verdicts ORDER BY team, position').all()) as Array<Record<string, unknown>>;
    return rows.map((r) => ({ team: String(r.team), id: String(r.verdict_id), checkId: String(r.check_id), status: String(r.status), score: Number(r.score), weight: Number(r.weight), required: r.required === 1, message: { fr: String(r.message_fr), en: String(r.message_en) } }));
  }

  competencies(team?: string): StoredCompetency[] {
    const rows = (team ? this.db.prepare('SELECT * FROM competencies WHERE team = ? ORDER BY position').all(team) : this.db.prepare('SELECT * FROM competencies ORDER BY team, position').all()) as Array<Record<string, unknown>>;
    return rows.map((r) => ({ team: String(r.team), ref: String(r.ref), code: String(r.code), status: String(r.status), score: Number(r.score), maxScore: Number(r.max_score) }));
  }

  /**
   * Commits one team's result in one transaction: its run row replaced (its `gradings` counted up), its
   * verdicts and competency statuses replaced. `regrade` keeps the count and stamps `regradedAt`.
   */
  commitTeam(row: Omit<TeamRow, 'gradings' | 'regradedAt'>, report: RunReport | undefined, options: { regrade?: boolean } = {}): void {
    this.db.transaction(() => {
      const previous = this.run(row.team);
      const gradings = options.regrade ? (previous?.gradings ?? 1) : (previous?.gradings ?? 0) + 1;
      const regradedAt = options.regrade ? new Date().toISOString() : null;
      this.db.prepare('DELETE FROM verdicts WHERE team = ?').run(row.team);
      this.db.prepare('DELETE FROM competencies WHERE team = ?').run(row.team);
      this.db
        .prepare(
          `INSERT OR REPLACE INTO runs (team, run_id, scenario_digest, submission_key, commit_sha, commits_after_deadline, status, score, max_score, reason_fr, reason_en, started_at, finished_at, duration_ms, steps_ms, report, gradings, regraded_at)
           VALUES (@team, @runId, @scenarioDigest, @submissionKey, @commit, @commitsAfterDeadline, @status, @score, @maxScore, @reasonFr, @reasonEn, @startedAt, @finishedAt, @durationMs, @stepsMs, @report, @gradings, @regradedAt)`,
        )
        .run({ ...row, reasonFr: row.reason?.fr ?? null, reasonEn: row.reason?.en ?? null, gradings, regradedAt });
      const verdict = this.db.prepare('INSERT INTO verdicts (team, position, verdict_id, check_id, status, score, weight, required, message_fr, message_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      report?.verdicts.forEach((v, i) => verdict.run(row.team, i, v.id, v.checkId, v.status, v.score, v.weight, v.required ? 1 : 0, v.message.fr, v.message.en));
      const competency = this.db.prepare('INSERT INTO competencies (team, position, ref, code, status, score, max_score) VALUES (?, ?, ?, ?, ?, ?, ?)');
      report?.competencies.items.forEach((c, i) => competency.run(row.team, i, c.ref, c.code, c.status, c.score, c.maxScore));
      this.db.prepare("UPDATE batch SET updated_at = ? WHERE id = 1").run(new Date().toISOString());
    })();
  }

  close(): void {
    this.db.close();
  }
}

function toTeamRow(r: Record<string, unknown>): TeamRow {
  const text = (key: string) => (r[key] === null || r[key] === undefined ? null : String(r[key]));
  const num = (key: string) => (r[key] === null || r[key] === undefined ? null : Number(r[key]));
  return {
    team: String(r.team),
    runId: text('run_id'),
    scenarioDigest: String(r.scenario_digest),
    submissionKey: text('submission_key'),
    commit: text('commit_sha'),
    commitsAfterDeadline: num('commits_after_deadline'),
    status: String(r.status) as TeamRow['status'],
    score: num('score'),
    maxScore: num('max_score'),
    reason: r.reason_en === null ? null : { fr: String(r.reason_fr), en: String(r.reason_en) },
    startedAt: String(r.started_at),
    finishedAt: String(r.finished_at),
    durationMs: Number(r.duration_ms),
    stepsMs: Number(r.steps_ms),
    report: text('report'),
    gradings: Number(r.gradings),
    regradedAt: text('regraded_at'),
  };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS batch (id INTEGER PRIMARY KEY CHECK (id = 1), scenario_id TEXT NOT NULL, scenario_digest TEXT NOT NULL, scenario_source TEXT NOT NULL, roster TEXT NOT NULL, options TEXT NOT NULL, started_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS teams (team TEXT PRIMARY KEY, position INTEGER NOT NULL, members TEXT NOT NULL, source TEXT NOT NULL, ref TEXT, deadline TEXT, manifest TEXT);
CREATE TABLE IF NOT EXISTS runs (
  team TEXT PRIMARY KEY REFERENCES teams (team), run_id TEXT, scenario_digest TEXT NOT NULL, submission_key TEXT, commit_sha TEXT, commits_after_deadline INTEGER,
  status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'error')), score REAL, max_score REAL, reason_fr TEXT, reason_en TEXT,
  started_at TEXT NOT NULL, finished_at TEXT NOT NULL, duration_ms INTEGER NOT NULL, steps_ms INTEGER NOT NULL, report TEXT, gradings INTEGER NOT NULL, regraded_at TEXT);
CREATE TABLE IF NOT EXISTS verdicts (team TEXT NOT NULL REFERENCES teams (team), position INTEGER NOT NULL, verdict_id TEXT NOT NULL, check_id TEXT NOT NULL, status TEXT NOT NULL, score REAL NOT NULL, weight REAL NOT NULL, required INTEGER NOT NULL, message_fr TEXT NOT NULL, message_en TEXT NOT NULL, PRIMARY KEY (team, verdict_id));
CREATE TABLE IF NOT EXISTS competencies (team TEXT NOT NULL REFERENCES teams (team), position INTEGER NOT NULL, ref TEXT NOT NULL, code TEXT NOT NULL, status TEXT NOT NULL, score REAL NOT NULL, max_score REAL NOT NULL, PRIMARY KEY (team, ref));
`;
