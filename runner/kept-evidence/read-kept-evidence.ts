import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MsprError } from '../errors.js';
import { t } from '../i18n.js';
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

/** Reads back what `keep-evidence.ts` wrote (the grader's own files: plain JSON reads). */
export function readKeptEvidence(dir: string, team: string): KeptEvidence {
  const runFile = join(dir, 'run.json');
  if (!existsSync(runFile)) throw missing(team, dir);
  const run = JSON.parse(readFileSync(runFile, 'utf8')) as KeptRun;
  if (run.version !== KEPT_EVIDENCE_VERSION) throw missing(team, dir);
  const kept = JSON.parse(readFileSync(join(dir, 'trace.json'), 'utf8')) as KeptTrace;
  const refused = kept.refused.map((r) => new FileRefusedError(r.path, r.reason, TRACE_FOLDER, r.facts));
  const trace = indexTraceEvents(kept.events, kept.problems, kept.available, { tampering: kept.tampering, rejectedLines: kept.rejectedLines, refused });
  const databases = new Map<string, KeptDatabase>();
  const dbDir = join(dir, 'databases');
  for (const name of existsSync(dbDir) ? readdirSync(dbDir) : []) {
    if (!name.endsWith('.json')) continue;
    const database = JSON.parse(readFileSync(join(dbDir, name), 'utf8')) as KeptDatabase;
    databases.set(database.serviceId, database);
  }
  return { dir, workspaceDir: join(dir, 'workspace'), run, trace, databases };
}

function missing(team: string, dir: string): MsprError {
  return new MsprError('MSPR_REGRADE_NEEDS_RUN', t(`Aucune preuve conservée pour l’équipe ${team} (${dir}).`, `No kept evidence for team ${team} (${dir}).`), {
    hint: t(`Relancez cette équipe : mspr-lab batch … --team ${team}.`, `Run this team again: mspr-lab batch … --team ${team}.`),
  });
}
