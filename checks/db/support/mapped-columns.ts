import type { CheckContext } from '../../check.js';
import type { ColumnInfo, DbInspector } from '../../../runner/evidence/db/db-inspector.js';
import { findTable, type Mapping, resolveSource } from '../../data/support/source-files.js';
import { profileColumns, type ColumnProfile } from './column-profile.js';

/** A source column beside the table column it was loaded into. */
export interface ColumnPair {
  mapping: Mapping;
  table: string;
  source: ColumnProfile;
  column: ColumnInfo;
}

/**
 * Pairs each mapped source's columns with the table's columns of the same name (case ignored). Source
 * columns without a counterpart are listed apart: renamed or not loaded, they cannot be compared.
 */
export async function mappedColumns(ctx: Pick<CheckContext<unknown>, 'workspace' | 'datasets' | 'frames'>, db: DbInspector, mappings: Mapping[]): Promise<{ pairs: ColumnPair[]; unmatched: string[] }> {
  const tables = await db.listTables();
  const pairs: ColumnPair[] = [];
  const unmatched: string[] = [];
  for (const mapping of mappings) {
    const frame = await ctx.frames.frame(resolveSource(mapping.source, ctx));
    const table = findTable(tables, mapping.table);
    if (!table) {
      unmatched.push(mapping.table);
      continue;
    }
    const columns = await db.columns(table);
    for (const source of profileColumns(frame).values()) {
      const column = columns.find((c) => c.name.toLowerCase() === source.name.toLowerCase());
      if (column) pairs.push({ mapping, table, source, column });
      else unmatched.push(`${table}.${source.name}`);
    }
  }
  return { pairs, unmatched };
}

/** `VARCHAR(20)`, or the BSON types for MongoDB, as the jury should read it (∅: no declared type, in any language). */
export function typeLabel(column: ColumnInfo): string {
  return column.declaredType || '∅';
}
