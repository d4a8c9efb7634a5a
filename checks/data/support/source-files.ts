import { basename } from 'node:path';
import { MsprError } from '../../../runner/errors.js';
import type { CheckEvidence } from '../../../runner/evidence/check-evidence.js';
import type { FrameSummary, SourceFile } from '../../../runner/evidence/frame-reader.js';
import type { DataReadEvent } from '../../../runner/tracer/data-event-types.js';
import type { TraceIndex } from '../../../runner/tracer/trace-index.js';
import { tracedReadOptions } from './traced-reading.js';

/** A scenario source mapped to the table it must be loaded into (`{ source: ventes.csv, table: ventes }`). */
export interface Mapping {
  source: string;
  table: string;
  /** Source column → table column, when the team renamed them (`TotalDeaths: total_deaths`); renames the trace saw are used too. */
  columns?: Record<string, string>;
}

/** JSON Schema of a `mappings` option, shared by every check that compares a source with its table. */
export const MAPPINGS_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['source', 'table'],
    properties: {
      source: { type: 'string', pattern: '\\.(csv|xlsx|xlsm|json|jsonl|ndjson)$', description: 'CSV, XLSX or JSON file, relative to the repository or the datasets folder' },
      table: { type: 'string', minLength: 1, description: 'table (or MongoDB collection) it is loaded into' },
      columns: { type: 'object', additionalProperties: { type: 'string', minLength: 1 }, description: 'source column → table column, for columns the team renamed (renames the trace saw and names equal once case, accents and separators are set aside need none)' },
    },
  },
} as const;

/**
 * A source path names the candidate's copy first (what their code read), then the scenario's dataset; a path
 * the trace gave as `$datasets/…` is the dataset's.
 */
export function resolveSource(path: string, where: Pick<CheckEvidence, 'workspace' | 'datasets'>): SourceFile {
  const inDatasets = path.startsWith('$datasets/') ? path.slice('$datasets/'.length) : undefined;
  if (inDatasets !== undefined && where.datasets?.exists(inDatasets)) return { files: where.datasets, path: inDatasets };
  if (where.workspace.exists(path)) return { files: where.workspace, path };
  if (where.datasets?.exists(path)) return { files: where.datasets, path };
  throw new MsprError(
    'MSPR_DATA_UNREADABLE',
    { fr: `Fichier source introuvable : ${path} (ni dans le dépôt ni dans les jeux de données).`, en: `Source file not found: ${path} (neither in the repository nor in the datasets).` },
    { hint: { fr: 'Vérifiez le chemin « source » dans le scénario.', en: 'Check the "source" path in the scenario.' } },
  );
}

/**
 * The source's summary (rows, columns, nulls, dtypes), read once per run, as the team's code read it when the
 * trace saw the read (separator, decimal mark, encoding, NA tokens…), else sniffed.
 */
export async function sourceSummary(path: string, ctx: Pick<CheckEvidence, 'workspace' | 'datasets' | 'frames'> & { trace?: TraceIndex }): Promise<FrameSummary> {
  return ctx.frames.summary(resolveSource(path, ctx), tracedReadOptions(path, ctx.trace));
}

/** The traced reads of a source file, matched by file name (the candidate may have copied it anywhere). */
export function readsOf(source: string, reads: DataReadEvent[]): DataReadEvent[] {
  const name = basename(source).toLowerCase();
  return reads.filter((read) => (read.origin?.name ?? '').toLowerCase() === name || basename(read.origin?.path ?? '').toLowerCase() === name);
}

/** Table names are compared without case (SQLite, MySQL on Windows and most juries ignore it). */
export function findTable(tables: string[], wanted: string): string | undefined {
  return tables.find((name) => name.toLowerCase() === wanted.toLowerCase());
}

/** Numeric polars dtypes (Int64, Float64, UInt8…). */
export function isNumericDtype(dtype: string): boolean {
  return /^(U?Int\d+|Float\d+|Decimal)/.test(dtype);
}
