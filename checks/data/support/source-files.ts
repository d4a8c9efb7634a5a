import { basename } from 'node:path';
import { MsprError } from '../../../runner/errors.js';
import type { CheckEvidence } from '../../../runner/evidence/check-evidence.js';
import type { FrameSummary, SourceFile } from '../../../runner/evidence/frame-reader.js';
import type { DataReadEvent } from '../../../runner/tracer/data-event-types.js';

/** A scenario source mapped to the table it must be loaded into (`{ source: ventes.csv, table: ventes }`). */
export interface Mapping {
  source: string;
  table: string;
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
    },
  },
} as const;

/** A source path names the candidate's copy first (what their code read), then the scenario's dataset. */
export function resolveSource(path: string, where: Pick<CheckEvidence, 'workspace' | 'datasets'>): SourceFile {
  if (where.workspace.exists(path)) return { files: where.workspace, path };
  if (where.datasets?.exists(path)) return { files: where.datasets, path };
  throw new MsprError(
    'MSPR_DATA_UNREADABLE',
    { fr: `Fichier source introuvable : ${path} (ni dans le dépôt ni dans les jeux de données).`, en: `Source file not found: ${path} (neither in the repository nor in the datasets).` },
    { hint: { fr: 'Vérifiez le chemin « source » dans le scénario.', en: 'Check the "source" path in the scenario.' } },
  );
}

/** The source's summary (rows, columns, nulls, dtypes), read once per run. */
export async function sourceSummary(path: string, ctx: Pick<CheckEvidence, 'workspace' | 'datasets' | 'frames'>): Promise<FrameSummary> {
  return ctx.frames.summary(resolveSource(path, ctx));
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
