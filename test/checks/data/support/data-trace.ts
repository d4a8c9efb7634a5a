import Database from 'better-sqlite3';
import type { TraceEvent } from '../../../../runner/tracer/trace-event.js';
import type { FrameInfo } from '../../../../runner/tracer/data-event-types.js';
import { indexTraceEvents, type TraceIndex } from '../../../../runner/tracer/trace-index.js';
import { traceEventProblems } from '../../../../runner/tracer/trace-validation.js';
import type { WorkspaceFiles } from '../../../../runner/evidence/workspace-files.js';
import { packagePath } from '../../../../runner/paths.js';
import { workspaceFiles } from '../../../../runner/evidence/workspace-files.js';
import { sqliteAccess } from '../../../helpers/sqlite-fixture.js';
import { tempRepo } from '../../../helpers/temp-repo.js';

/** The boutique dataset's columns, as the tracer reports them after pandas reads the files. */
export const VENTES = ['id_vente', 'date', 'magasin', 'id_produit', 'quantite', 'prix_unitaire', 'remise_pct', 'canal', 'satisfaction'];
export const PRODUITS = ['id_produit', 'libelle', 'categorie', 'prix_catalogue'];
export const OBJECTIFS = ['mois', 'magasin', 'objectif_ca'];
export const boutique = workspaceFiles(packagePath('datasets/boutique'));

/**
 * Builds data-bloc traces shaped like the Python tracer's; every event is validated against
 * trace-event.schema.json, so a builder drifting from the real format fails loudly. The real tracer is
 * exercised in test/tracer-data and end to end in test/data.
 */
export class DataTrace {
  private readonly events: TraceEvent[] = [];
  private seq = 1;
  private ts = 1_700_000_000;
  private objs = 0;
  /** The frame each read returned, by file name (a merge of it as read refers to the same object). */
  readonly frames: Record<string, FrameInfo> = {};

  constructor() {
    this.add('tracer_start', { tracer_version: '1.0.0', python: '3.11.2', hooks: ['pandas_hooks'] });
  }

  /** Adds any event; `line` puts it at etl.py:<line>. */
  add(type: string, fields: Record<string, unknown>, line?: number, file = 'etl.py'): this {
    const event = { type, seq: this.seq++, ts: (this.ts += 1), pid: 4242, ...fields } as TraceEvent;
    if (line !== undefined) event.site = { file, line };
    const problems = traceEventProblems(event);
    if (problems.length > 0) throw new Error(`builder made an invalid ${type} event: ${problems.join('; ')}`);
    this.events.push(event);
    return this;
  }

  frame(columns: string[], rows: number, extra: Partial<FrameInfo> = {}): FrameInfo {
    return { rows, cols: columns.length, columns, obj: `o${++this.objs}`, ...extra };
  }

  read(line: number, name: string, columns: string[], rows: number, nulls: Record<string, number> = {}): this {
    const format = name.split('.').pop();
    const output = (this.frames[name] = this.frame(columns, rows, { nulls }));
    return this.add('data_read', { function: `read_${format === 'xlsx' ? 'excel' : format}`, origin: { path: `data/${name}`, name, format }, output }, line);
  }

  impute(line: number, column: string, fields: Record<string, unknown>): this {
    return this.add('impute', { function: 'fillna', column, on: 'series', rows: 2000, nulls_before: 181, nulls_after: 0, inplace: false, ...fields }, line);
  }

  sql(line: number, statement: string, fields: Record<string, unknown> = {}): this {
    const verb = statement.trim().split(/\s+/)[0]!.toUpperCase();
    return this.add('sql', { driver: 'sqlite3', statement, verb: /^CREATE\s+(UNIQUE\s+)?INDEX/i.test(statement) ? 'CREATE INDEX' : verb, tables: [], duration: 0.001, ...fields }, line);
  }

  index(): TraceIndex {
    return indexTraceEvents([...this.events]);
  }
}

/** A candidate workspace holding `warehouse.db` built from these SQL statements, with the runner's access to it. */
export function sqliteWorkspace(statements: string[], files: Record<string, string | Buffer> = {}): { workspace: WorkspaceFiles; databases: ReturnType<typeof sqliteAccess> } {
  const workspace = tempRepo({ 'README.md': '# x\n', ...files });
  const db = new Database(workspace.resolve('warehouse.db'));
  for (const sql of statements) db.exec(sql);
  db.close();
  return { workspace, databases: sqliteAccess(workspace, 'warehouse.db') };
}

/** INSERT statements for rows of values (strings quoted, null as NULL). */
export function inserts(table: string, rows: unknown[][]): string {
  const literal = (v: unknown) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  return rows.map((row) => `INSERT INTO "${table}" VALUES (${row.map(literal).join(', ')});`).join('\n');
}
