import { mkdirSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EnvironmentRecord } from '../environment/environment-record.js';
import type { ServerOpener } from '../evidence/database-access.js';
import { openInspector } from '../evidence/db/open-inspector.js';
import type { ServiceEndpoint } from '../evidence/db/service-endpoint.js';
import type { CommittedFiles } from '../evidence/committed-files.js';
import type { WorkspaceFiles } from '../evidence/workspace-files.js';
import { type Localized, t } from '../i18n.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { FileRefusedError } from '../safe-read/file-refused.js';
import type { StepRecord } from '../steps/step-record.js';
import type { CandidateManifest } from '../submission/candidate-manifest.js';
import type { SubmissionInfo } from '../submission/submission-info.js';
import type { TraceIndex } from '../tracer/trace-index.js';
import { KEPT_EVIDENCE_VERSION, type KeptDatabase, type KeptRun, type KeptTrace } from './kept-evidence.js';
import { recordingInspector } from './recording-inspector.js';
import { runInputsOf } from './run-inputs.js';
import type { LoadedScenario } from '../../scenarios/scenario.js';

const DATABASE_FILE = /\.(db|sqlite|sqlite3)(-wal|-journal|-shm)?$/i;

export interface KeptParts {
  workspace: WorkspaceFiles;
  /** What the team committed in the files the runner rewrote (kept workspace holds the runner's text). */
  committed?: CommittedFiles;
  trace: TraceIndex;
  steps: readonly StepRecord[];
  submission: SubmissionInfo;
  manifest: CandidateManifest | undefined;
  unwritten: ReadonlySet<string>;
  endpoints: ReadonlyMap<string, ServiceEndpoint>;
  environment?: EnvironmentRecord;
  /** The scenario the run was graded with: its steps, sandbox, services and datasets are kept as `inputs`. */
  scenario: LoadedScenario;
}

/** Keeps a run's evidence in a folder for `regrade` (see kept-evidence.ts for the layout). */
export interface EvidenceKeeper {
  /** Opens server databases live, keeping every answer they give the checks. */
  openServer: ServerOpener;
  /** Writes the folder after the checks; returns a note for the report when it could not, never throws. */
  keep(parts: KeptParts): Localized | undefined;
}

export function createEvidenceKeeper(dir: string): EvidenceKeeper {
  const databases: KeptDatabase[] = [];
  return {
    async openServer(endpoint, label) {
      const { inspector, record } = recordingInspector(await openInspector(endpoint, label), endpoint.serviceId);
      databases.push(record);
      return inspector;
    },
    keep(parts) {
      try {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(join(dir, 'databases'), { recursive: true });
        const notKept = copyWorkspace(parts.workspace, join(dir, 'workspace'));
        const run: KeptRun = {
          version: KEPT_EVIDENCE_VERSION,
          keptAt: new Date().toISOString(),
          steps: [...parts.steps],
          submission: parts.submission,
          manifest: parts.manifest ?? null,
          unwritten: [...parts.unwritten],
          endpoints: [...parts.endpoints.values()].filter((e) => e.kind !== 'sqlite').map(({ serviceId, kind, host, port, database }) => ({ serviceId, kind, host, port, database })),
          notKept,
          inputs: runInputsOf(parts.scenario),
          checks: structuredClone(parts.scenario.scenario.checks),
          ...(parts.environment ? { environment: parts.environment } : {}),
          ...(parts.committed?.size ? { committed: Object.fromEntries(parts.committed) } : {}),
        };
        writeFileAtomic(join(dir, 'run.json'), JSON.stringify(run));
        writeFileAtomic(join(dir, 'trace.json'), JSON.stringify(keptTrace(parts.trace)));
        for (const database of databases) writeFileAtomic(join(dir, 'databases', `${database.serviceId}.json`), JSON.stringify(database));
        return undefined;
      } catch (error) {
        rmSync(dir, { recursive: true, force: true });
        const reason = (error as Error).message;
        return t(`Preuves non conservées (${reason}) : cette équipe ne pourra pas être réévaluée sans être relancée.`, `Evidence not kept (${reason}): this team cannot be re-graded without running it again.`);
      }
    },
  };
}

/**
 * Copies the team's files through the safe reader (no link followed out, no special file opened, sizes
 * capped as the checks cap them), keeping modification times: the SQLite file a check picks is the newest.
 */
function copyWorkspace(workspace: WorkspaceFiles, target: string): KeptRun['notKept'] {
  const notKept: KeptRun['notKept'] = [];
  mkdirSync(target, { recursive: true });
  for (const rel of workspace.list()) {
    const destination = join(target, rel);
    const database = DATABASE_FILE.test(rel);
    try {
      mkdirSync(dirname(destination), { recursive: true });
      workspace.copyTo(rel, destination, database ? workspace.limits.databaseBytes : workspace.limits.dataBytes, database ? 'databaseBytes' : 'dataBytes');
      const stat = workspace.statFile(rel);
      if (stat) utimesSync(destination, new Date(stat.mtimeMs), new Date(stat.mtimeMs));
    } catch (error) {
      if (!(error instanceof FileRefusedError)) throw error;
      rmSync(destination, { force: true });
      notKept.push({ path: rel, reason: error.text.en });
    }
  }
  return notKept;
}

function keptTrace(trace: TraceIndex): KeptTrace {
  return {
    available: trace.available,
    events: [...trace.all()],
    problems: [...trace.problems],
    tampering: [...trace.tampering],
    rejectedLines: trace.rejectedLines,
    refused: (trace.refused ?? []).map((error) => ({ path: error.path, reason: error.reason, facts: error.facts })),
  };
}
