import type { ServiceKind } from '../../../scenarios/scenario.js';
import type { TypeShape } from './type-family.js';

/** One column as the database declares it; `shape` is the same reading for every kind (see type-family.ts). */
export interface ColumnInfo {
  name: string;
  /** The declared type as the database reports it, e.g. `VARCHAR(50)`, `INTEGER`, `character varying(20)`. */
  declaredType: string;
  /** Maximum characters for sized text types (VARCHAR(50) → 50), null when unbounded or not text. */
  maxLength: number | null;
  nullable: boolean;
  shape: TypeShape;
}

export interface IndexInfo {
  name: string;
  columns: string[];
  unique: boolean;
  /** True for the index backing a primary key. */
  primary: boolean;
}

/** Distinct values of one column, capped so a million-row key column cannot exhaust the grader. */
export interface DistinctValues {
  values: unknown[];
  /** True when the column has more distinct values than the cap (the list is then incomplete). */
  truncated: boolean;
}

/**
 * Read-only view of a database as the candidate's run left it. Opened by the runner, never by the
 * candidate's code, so what it reports is evidence rather than a claim. Tables of MongoDB are collections and
 * its columns are the fields found in the documents.
 */
export interface DbInspector {
  readonly kind: ServiceKind;
  /** Human-readable location, e.g. `sqlite:data/warehouse.db` or `postgres://127.0.0.1:5433/etl`. */
  readonly label: string;
  /** Server product and version when the database tells it (e.g. `PostgreSQL 15.8`), for the evidence. */
  version(): Promise<string | null>;
  listTables(): Promise<string[]>;
  countRows(table: string): Promise<number>;
  columns(table: string): Promise<ColumnInfo[]>;
  indexes(table: string): Promise<IndexInfo[]>;
  /** Rows as plain objects, in storage order. */
  readRows(table: string, options?: { columns?: string[]; limit?: number }): Promise<Record<string, unknown>[]>;
  /** NULL (or, for documents, missing/null) cells per column. */
  nullCounts(table: string, columns: string[]): Promise<Record<string, number>>;
  /** Distinct non-null values of a column, at most `limit` (default 2,000,000). */
  distinctValues(table: string, column: string, limit?: number): Promise<DistinctValues>;
  close(): Promise<void>;
}

export const DEFAULT_DISTINCT_LIMIT = 2_000_000;
