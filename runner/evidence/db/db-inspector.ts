import type { ServiceKind } from '../../../scenarios/scenario.js';

export interface ColumnInfo {
  name: string;
  /** The declared type as the database reports it, e.g. `VARCHAR(50)`, `INTEGER`, `text`. */
  declaredType: string;
  /** Maximum characters for sized text types (VARCHAR(50) → 50), null when unbounded or not text. */
  maxLength: number | null;
  nullable: boolean;
}

export interface IndexInfo {
  name: string;
  columns: string[];
  unique: boolean;
  /** True for the index backing a primary key. */
  primary: boolean;
}

/**
 * Read-only view of a database as the candidate's run left it. Opened by the runner, never by the
 * candidate's code, so what it reports is evidence rather than a claim.
 */
export interface DbInspector {
  readonly kind: ServiceKind;
  /** Human-readable location, e.g. `sqlite:data/warehouse.db` or `postgres://127.0.0.1:5433/etl`. */
  readonly label: string;
  listTables(): Promise<string[]>;
  countRows(table: string): Promise<number>;
  columns(table: string): Promise<ColumnInfo[]>;
  indexes(table: string): Promise<IndexInfo[]>;
  /** Rows as plain objects, in storage order unless `orderBy` is given. */
  readRows(table: string, options?: { columns?: string[]; limit?: number }): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}
