import type { CheckContext } from '../../check.js';
import type { ColumnInfo, DbInspector } from '../../../runner/evidence/db/db-inspector.js';
import { findTable, resolveSource } from '../../data/support/source-files.js';
import { tracedReadOptions } from '../../data/support/traced-reading.js';
import { findColumn } from '../../data/support/lineage/column-names.js';
import type { SourceMapping } from '../../data/support/lineage/source-mappings.js';
import { profileColumns, type ColumnProfile } from './column-profile.js';

/** A source column beside the table column it was loaded into. */
export interface ColumnPair {
  mapping: SourceMapping;
  table: string;
  source: ColumnProfile;
  column: ColumnInfo;
}

/**
 * Pairs each mapped source's columns with the table's: through the scenario's column map or the renames the
 * trace saw, else by name once case, accents, spaces and underscores are set aside. Source columns without a
 * counterpart are listed apart (dropped or renamed out of sight: they cannot be compared), and so are mapped
 * tables the database lacks — which the checks fail: the criterion needs them.
 */
export async function mappedColumns(ctx: Pick<CheckContext<unknown>, 'workspace' | 'datasets' | 'frames' | 'trace'>, db: DbInspector, mappings: readonly SourceMapping[]): Promise<{ pairs: ColumnPair[]; unmatched: string[]; missingTables: string[] }> {
  const tables = await db.listTables();
  const pairs: ColumnPair[] = [];
  const unmatched: string[] = [];
  const missingTables: string[] = [];
  for (const mapping of mappings) {
    const table = findTable(tables, mapping.table);
    if (!table) {
      missingTables.push(mapping.table);
      continue;
    }
    const frame = await ctx.frames.frame(resolveSource(mapping.source, ctx), tracedReadOptions(mapping.source, ctx.trace));
    const columns = await db.columns(table);
    const names = columns.map((c) => c.name);
    for (const source of profileColumns(frame).values()) {
      const renamed = mapping.columns[source.name];
      const name = (renamed ? findColumn(names, renamed) : undefined) ?? (mapping.role === 'rows' || !mapping.link ? findColumn(names, source.name) : undefined);
      const column = columns.find((c) => c.name === name);
      if (column) pairs.push({ mapping, table, source, column });
      else unmatched.push(`${table}.${source.name}`);
    }
  }
  return { pairs, unmatched, missingTables };
}

/** `VARCHAR(20)`, or the BSON types for MongoDB, as the jury should read it. */
export function typeLabel(column: ColumnInfo): string {
  return column.declaredType || '(none)';
}
