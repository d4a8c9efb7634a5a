import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MsprError } from '../errors.js';
import { type Localized, t } from '../i18n.js';
import { FileRefusedError, TRACE_FOLDER } from '../safe-read/file-refused.js';
import { indexTraceEvents, type TraceIndex } from '../tracer/trace-index.js';
import { KEPT_EVIDENCE_VERSION, type KeptDatabase, type KeptRun, type KeptTrace } from './kept-evidence.js';

export interface KeptEvidence {
  dir: string;
  workspaceDir: string;
  run: KeptRun;
  trace: TraceIndex;
  databases: Map<string, KeptDatabase>;
}

/**
 * Reads back what `keep-evidence.ts` wrote (the grader's own files: plain JSON reads). Missing, from another
 * version, or unreadable (a truncated copy, a hand edit): an `MSPR_REGRADE_NEEDS_RUN` error saying which file
 * and why, for that team's row; the others are re-graded.
 */
export function readKeptEvidence(dir: string, team: string): KeptEvidence {
  if (!existsSync(join(dir, 'run.json'))) throw needsRun(team, t(`aucune preuve conservée (${dir})`, `no kept evidence (${dir})`));
  const run = readJson<KeptRun>(dir, 'run.json', team);
  if (run.version !== KEPT_EVIDENCE_VERSION || !run.inputs || !Array.isArray(run.steps)) {
    throw needsRun(team, t(`preuves conservées par une autre version de mspr-lab (format ${String(run.version)}, attendu ${KEPT_EVIDENCE_VERSION})`, `evidence kept by another version of mspr-lab (format ${String(run.version)}, expected ${KEPT_EVIDENCE_VERSION})`));
  }
  const workspaceDir = join(dir, 'workspace');
  if (!existsSync(workspaceDir) || !statSync(workspaceDir).isDirectory()) throw needsRun(team, t('le dossier workspace/ des preuves manque', 'the evidence’s workspace/ folder is missing'));
  const kept = readJson<KeptTrace>(dir, 'trace.json', team);
  if (!Array.isArray(kept.events)) throw unreadable(team, 'trace.json', 'no events list');
  const refused = (kept.refused ?? []).map((r) => new FileRefusedError(r.path, r.reason, TRACE_FOLDER, r.facts));
  const trace = indexTraceEvents(kept.events, kept.problems ?? [], kept.available, { tampering: kept.tampering ?? [], rejectedLines: kept.rejectedLines ?? 0, refused });
  const databases = new Map<string, KeptDatabase>();
  const dbDir = join(dir, 'databases');
  for (const name of existsSync(dbDir) ? readdirSync(dbDir) : []) {
    if (!name.endsWith('.json')) continue;
    const database = readJson<KeptDatabase>(dir, join('databases', name), team);
    databases.set(database.serviceId, database);
  }
  return { dir, workspaceDir, run, trace, databases };
}

function readJson<T>(dir: string, name: string, team: string): T {
  try {
    return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  } catch (error) {
    throw unreadable(team, name, (error as Error).message);
  }
}

function unreadable(team: string, name: string, why: string): MsprError {
  return needsRun(team, t(`preuves conservées illisibles (${name} : ${why})`, `kept evidence unreadable (${name}: ${why})`));
}

function needsRun(team: string, why: Localized): MsprError {
  return new MsprError('MSPR_REGRADE_NEEDS_RUN', t(`Réévaluation impossible pour l’équipe ${team} : ${why.fr}.`, `Cannot re-grade team ${team}: ${why.en}.`), {
    hint: t(`Relancez cette équipe : mspr-lab batch … --team ${team}.`, `Run this team again: mspr-lab batch … --team ${team}.`),
  });
}
