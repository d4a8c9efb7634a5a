import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceSpec } from '../../scenarios/scenario.js';
import { MsprError } from '../errors.js';
import { t, type Localized } from '../i18n.js';
import type { CandidateManifest } from '../submission/candidate-manifest.js';
import type { DatabaseAccess } from './check-evidence.js';
import type { DbInspector } from './db/db-inspector.js';
import { openInspector } from './db/open-inspector.js';
import type { ServiceEndpoint } from './db/service-endpoint.js';
import { copySqliteDatabase } from './db/sqlite-copy.js';
import type { WorkspaceFiles } from './workspace-files.js';

/** Opens a server database from its endpoint (default: `openInspector`, live; a batch records, a regrade replays). */
export type ServerOpener = (endpoint: ServiceEndpoint, label: string) => Promise<DbInspector>;

const SQLITE_FILE = /\.(db|sqlite|sqlite3)$/i;
const CLOSE_WAIT_MS = 5_000;

export interface DatabaseAccessOptions {
  services: readonly ServiceSpec[];
  manifest: CandidateManifest | undefined;
  workspace: WorkspaceFiles;
  /** Endpoints of server services started for the run (from the services module). */
  endpoints: ReadonlyMap<string, ServiceEndpoint>;
  /** Records what the runner had to assume (e.g. which SQLite file it picked). */
  note: (text: Localized) => void;
  /** A grader-owned folder (not the candidate's) where SQLite files are copied before they are opened; default: the temp folder. */
  scratchDir?: string;
  /** Committed SQLite files the run did not write (see past-run-databases.ts). */
  unwritten?: ReadonlySet<string>;
  openServer?: ServerOpener;
}

/**
 * Opens the run's databases on demand, once each. Without any declared service, a SQLite file in the
 * workspace is looked for, because most bloc-1 projects write one and never say where.
 */
export function createDatabaseAccess(options: DatabaseAccessOptions): DatabaseAccess & { closeAll(): Promise<void> } {
  const services = options.services.length > 0 ? options.services : [{ id: 'db', kind: 'sqlite' as const }];
  const opened = new Map<string, Promise<DbInspector>>();
  let scratch: string | undefined;
  const scratchDir = () => (scratch ??= mkdtempSync(join(options.scratchDir ?? tmpdir(), 'mspr-db-')));
  let pastRun: string | undefined;

  const open = (serviceId?: string): Promise<DbInspector> => {
    const service = serviceId ? services.find((s) => s.id === serviceId) : services[0];
    if (!service) {
      return Promise.reject(
        new MsprError('MSPR_DB_UNREACHABLE', {
          fr: `Aucun service « ${serviceId} » dans le scénario (services : ${services.map((s) => s.id).join(', ')}).`,
          en: `No service "${serviceId}" in the scenario (services: ${services.map((s) => s.id).join(', ')}).`,
        }),
      );
    }
    let pending = opened.get(service.id);
    if (!pending) {
      pending = Promise.resolve().then(async () => {
        if (service.kind === 'sqlite') {
          const file = sqliteFile(service, options);
          if (options.unwritten?.has(file)) pastRun = file;
          const copy = await copySqliteDatabase(options.workspace, file, scratchDir());
          return openInspector({ serviceId: service.id, kind: 'sqlite', path: copy }, `sqlite:${file}`);
        }
        const endpoint = options.endpoints.get(service.id);
        if (!endpoint) throw noEndpoint(service);
        return (options.openServer ?? openInspector)(endpoint, labelOf(endpoint));
      });
      opened.set(service.id, pending);
    }
    return pending;
  };

  return {
    services,
    open,
    pastRun: () => pastRun,
    async closeAll() {
      // Bounded: a check abandoned at its deadline (checks/check-deadlines.ts) may leave a query pending, and
      // some drivers' close waits for it; the run must still reach its report.
      for (const pending of opened.values()) await withinMs(pending.then((db) => db.close()), CLOSE_WAIT_MS).catch(() => undefined);
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** The workspace-relative SQLite file to read: declared (mspr.yaml, scenario), or the newest one found. */
function sqliteFile(service: ServiceSpec, options: DatabaseAccessOptions): string {
  const declared = options.manifest?.databases?.[service.id] ?? service.path;
  if (declared) {
    if (!options.workspace.exists(declared)) throw missingSqlite(declared);
    return declared;
  }
  const candidates = options.workspace.list().filter((path) => SQLITE_FILE.test(path));
  if (candidates.length === 0) throw missingSqlite(undefined);
  // Several files: the newest is the one the pipeline just wrote; the others are often stale copies.
  const chosen = [...candidates].sort((a, b) => mtime(options, b) - mtime(options, a))[0]!;
  options.note(
    t(
      `Base SQLite non déclarée : ${chosen} a été utilisée${candidates.length > 1 ? ` (la plus récente parmi ${candidates.join(', ')})` : ''}. Déclarez-la dans mspr.yaml (databases: { ${service.id}: ${chosen} }).`,
      `SQLite database not declared: used ${chosen}${candidates.length > 1 ? ` (the newest of ${candidates.join(', ')})` : ''}. Declare it in mspr.yaml (databases: { ${service.id}: ${chosen} }).`,
    ),
  );
  return chosen;
}

function mtime(options: DatabaseAccessOptions, path: string): number {
  return options.workspace.statFile(path)?.mtimeMs ?? 0;
}

function labelOf(endpoint: ServiceEndpoint): string {
  return `${endpoint.kind}://${endpoint.host}:${endpoint.port}/${endpoint.database ?? ''}`;
}

function withinMs(pending: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([pending, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

function missingSqlite(declared: string | undefined): MsprError {
  return new MsprError(
    'MSPR_DB_UNREACHABLE',
    declared
      ? { fr: `La base SQLite déclarée (${declared}) n'existe pas après l'exécution.`, en: `The declared SQLite database (${declared}) does not exist after the run.` }
      : { fr: "Aucune base SQLite (.db, .sqlite) n'a été trouvée après l'exécution.", en: 'No SQLite database (.db, .sqlite) was found after the run.' },
    { hint: { fr: 'Le pipeline doit créer la base ; vérifiez que les étapes ont réussi.', en: 'The pipeline must create the database; check that the steps succeeded.' } },
  );
}

function noEndpoint(service: ServiceSpec): MsprError {
  return new MsprError('MSPR_DB_UNREACHABLE', {
    fr: `Le service ${service.id} (${service.kind}) n'a pas été démarré pour cette exécution.`,
    en: `Service ${service.id} (${service.kind}) was not started for this run.`,
  });
}
